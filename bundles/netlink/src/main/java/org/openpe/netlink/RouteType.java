package org.openpe.netlink;

/** rtm_type of a route. */
public enum RouteType {
    UNSPEC(0), UNICAST(1), LOCAL(2), BROADCAST(3), ANYCAST(4), MULTICAST(5), BLACKHOLE(6), UNREACHABLE(7),
    PROHIBIT(8), THROW(9), NAT(10), XRESOLVE(11);

    private static final RouteType[] BY_CODE = values();

    private final int code;

    RouteType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static RouteType of(int code) {
        if (code >= 0 && code < BY_CODE.length && BY_CODE[code].code == code) {
            return BY_CODE[code];
        }
        throw new IllegalArgumentException("unknown route type " + code);
    }
}
