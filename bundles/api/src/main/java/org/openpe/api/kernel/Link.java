package org.openpe.api.kernel;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A network device.
 *
 * @param master the VRF or bridge this device is enslaved to, if any
 * @param mac the MAC address to set, if a fixed one is required
 * @param ipv6AddrGenNone whether the kernel must not generate IPv6 link-local addresses
 * @param neighSuppress bridge-port neighbour suppression (for a device enslaved to a bridge)
 * @param mtu the MTU to set; empty leaves the kernel's
 */
public record Link(
        Netns netns,
        String name,
        LinkKind kind,
        Optional<String> master,
        Optional<String> mac,
        boolean up,
        boolean ipv6AddrGenNone,
        boolean neighSuppress,
        Optional<Integer> mtu)
        implements KernelObject {

    /** The canonical constructor of version 1.0: the kernel's MTU. */
    public Link(Netns netns, String name, LinkKind kind, Optional<String> master, Optional<String> mac, boolean up,
            boolean ipv6AddrGenNone, boolean neighSuppress) {
        this(netns, name, kind, master, mac, up, ipv6AddrGenNone, neighSuppress, Optional.empty());
    }

    public static Link of(Netns netns, String name, LinkKind kind) {
        return new Link(netns, name, kind, Optional.empty(), Optional.empty(), true, false, false, Optional.empty());
    }

    public Link withMaster(String master) {
        return new Link(netns, name, kind, Optional.of(master), mac, up, ipv6AddrGenNone, neighSuppress, mtu);
    }

    public Link withMac(String mac) {
        return new Link(netns, name, kind, master, Optional.of(mac), up, ipv6AddrGenNone, neighSuppress, mtu);
    }

    public Link withIpv6AddrGenNone() {
        return new Link(netns, name, kind, master, mac, up, true, neighSuppress, mtu);
    }

    public Link withNeighSuppress() {
        return new Link(netns, name, kind, master, mac, up, ipv6AddrGenNone, true, mtu);
    }

    /** This link with {@code mtu} when present, unchanged otherwise. */
    public Link withMtu(OptionalInt value) {
        return value.isEmpty() ? this
                : new Link(netns, name, kind, master, mac, up, ipv6AddrGenNone, neighSuppress, Optional.of(value.getAsInt()));
    }

    @Override
    public String key() {
        return "link " + netns + " " + name;
    }
}
