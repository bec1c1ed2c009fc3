package org.openpe.netlink;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Settings applied when a device is created, all in the create request itself except the IPv6 address
 * generation mode (which the kernel only accepts on an existing device; the device is then brought up
 * after it is set, so no link-local address is generated first).
 * <p>
 * Kernel behaviour worth knowing: a bridge MTU given at creation is not "set by the user", so the bridge
 * follows the smallest MTU of its ports as they join; {@link NetlinkHandle#linkSetMtu} pins it.
 */
public record LinkOptions(OptionalInt mtu, Optional<MacAddress> mac, Optional<String> master, boolean up,
                          OptionalInt group, Optional<AddrGenMode> addrGenMode) {
    private static final LinkOptions NONE = new LinkOptions(OptionalInt.empty(), Optional.empty(), Optional.empty(),
            false, OptionalInt.empty(), Optional.empty());

    public LinkOptions {
        Objects.requireNonNull(mtu, "mtu");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(addrGenMode, "addrGenMode");
    }

    /** Kernel defaults, device left down. */
    public static LinkOptions none() {
        return NONE;
    }

    public LinkOptions withMtu(int value) {
        return new LinkOptions(OptionalInt.of(value), mac, master, up, group, addrGenMode);
    }

    public LinkOptions withMac(MacAddress value) {
        return new LinkOptions(mtu, Optional.of(value), master, up, group, addrGenMode);
    }

    public LinkOptions withMaster(String masterName) {
        return new LinkOptions(mtu, mac, Optional.of(masterName), up, group, addrGenMode);
    }

    public LinkOptions withUp(boolean value) {
        return new LinkOptions(mtu, mac, master, value, group, addrGenMode);
    }

    public LinkOptions withGroup(int value) {
        return new LinkOptions(mtu, mac, master, up, OptionalInt.of(value), addrGenMode);
    }

    public LinkOptions withAddrGenMode(AddrGenMode value) {
        return new LinkOptions(mtu, mac, master, up, group, Optional.of(value));
    }
}
