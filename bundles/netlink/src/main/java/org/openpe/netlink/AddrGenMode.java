package org.openpe.netlink;

/** IPv6 link-local address generation mode (IFLA_INET6_ADDR_GEN_MODE). */
public enum AddrGenMode {
    EUI64(0), NONE(1), STABLE_PRIVACY(2), RANDOM(3);

    private final int code;

    AddrGenMode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static AddrGenMode of(int code) {
        for (AddrGenMode mode : values()) {
            if (mode.code == code) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown IPv6 address generation mode " + code);
    }
}
