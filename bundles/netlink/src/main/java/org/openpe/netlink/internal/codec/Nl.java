package org.openpe.netlink.internal.codec;

/** Netlink framing constants (uapi linux/netlink.h). */
public final class Nl {
    public static final int HDRLEN = 16;
    public static final int ATTR_HDRLEN = 4;

    public static final int NLMSG_NOOP = 1;
    public static final int NLMSG_ERROR = 2;
    public static final int NLMSG_DONE = 3;
    public static final int NLMSG_OVERRUN = 4;

    public static final int F_REQUEST = 0x1;
    public static final int F_MULTI = 0x2;
    public static final int F_ACK = 0x4;
    public static final int F_DUMP_INTR = 0x10;
    public static final int F_DUMP = 0x300;
    public static final int F_EXCL = 0x200;
    public static final int F_CREATE = 0x400;
    /** On NLMSG_ERROR: only the request header was echoed. */
    public static final int F_CAPPED = 0x100;
    /** On NLMSG_ERROR: extended-ack TLVs follow. */
    public static final int F_ACK_TLVS = 0x200;

    public static final int NLMSGERR_ATTR_MSG = 1;

    public static final int NLA_F_NESTED = 0x8000;
    public static final int NLA_TYPE_MASK = 0x3fff;

    public static final int AF_UNSPEC = 0;
    public static final int AF_INET = 2;
    public static final int AF_BRIDGE = 7;
    public static final int AF_INET6 = 10;
    public static final int AF_NETLINK = 16;
    public static final int AF_PACKET = 17;

    private Nl() {
    }

    public static int align(int length) {
        return (length + 3) & ~3;
    }
}
