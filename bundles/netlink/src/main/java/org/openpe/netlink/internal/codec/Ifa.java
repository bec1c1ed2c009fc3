package org.openpe.netlink.internal.codec;

/** Address attributes (uapi linux/if_addr.h). */
public final class Ifa {
    public static final int ADDRESS = 1;
    public static final int LOCAL = 2;
    public static final int LABEL = 3;
    public static final int FLAGS = 8;

    private Ifa() {
    }
}
