package org.openpe.api.kernel;

import java.util.Optional;

/**
 * A network device.
 *
 * @param master the VRF or bridge this device is enslaved to, if any
 * @param mac the MAC address to set, if a fixed one is required
 * @param ipv6AddrGenNone whether the kernel must not generate IPv6 link-local addresses
 * @param neighSuppress bridge-port neighbour suppression (for a device enslaved to a bridge)
 */
public record Link(
        Netns netns,
        String name,
        LinkKind kind,
        Optional<String> master,
        Optional<String> mac,
        boolean up,
        boolean ipv6AddrGenNone,
        boolean neighSuppress)
        implements KernelObject {

    public static Link of(Netns netns, String name, LinkKind kind) {
        return new Link(netns, name, kind, Optional.empty(), Optional.empty(), true, false, false);
    }

    public Link withMaster(String master) {
        return new Link(netns, name, kind, Optional.of(master), mac, up, ipv6AddrGenNone, neighSuppress);
    }

    public Link withMac(String mac) {
        return new Link(netns, name, kind, master, Optional.of(mac), up, ipv6AddrGenNone, neighSuppress);
    }

    public Link withIpv6AddrGenNone() {
        return new Link(netns, name, kind, master, mac, up, true, neighSuppress);
    }

    public Link withNeighSuppress() {
        return new Link(netns, name, kind, master, mac, up, ipv6AddrGenNone, true);
    }

    @Override
    public String key() {
        return "link " + netns + " " + name;
    }
}
