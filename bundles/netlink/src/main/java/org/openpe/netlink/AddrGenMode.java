package org.openpe.netlink;

/** IPv6 link-local address generation mode (IFLA_INET6_ADDR_GEN_MODE). */
public enum AddrGenMode {
    EUI64(0), NONE(1), STABLE_PRIVACY(2), RANDOM(3);

    private static final AddrGenMode[] BY_CODE = values();

    private final int code;

    AddrGenMode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static AddrGenMode of(int code) {
        if (code >= 0 && code < BY_CODE.length && BY_CODE[code].code == code) {
            return BY_CODE[code];
        }
        throw new IllegalArgumentException("unknown IPv6 address generation mode " + code);
    }
}
