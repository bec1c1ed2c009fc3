package org.openpe.netlink.internal.codec;

/** Route attributes and rtmsg field values (uapi linux/rtnetlink.h). */
public final class Rta {
    public static final int DST = 1;
    public static final int OIF = 4;
    public static final int GATEWAY = 5;
    public static final int PRIORITY = 6;
    public static final int PREFSRC = 7;
    public static final int TABLE = 15;

    public static final int TABLE_UNSPEC = 0;
    public static final int TABLE_MAIN = 254;

    public static final int SCOPE_UNIVERSE = 0;
    public static final int SCOPE_LINK = 253;
    public static final int SCOPE_NOWHERE = 255;

    private Rta() {
    }
}
