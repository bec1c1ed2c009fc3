package org.openpe.netlink.internal.codec;

/** Link attributes (uapi linux/if_link.h, linux/if_bridge.h, linux/veth.h). */
public final class Ifla {
    public static final int ADDRESS = 1;
    public static final int IFNAME = 3;
    public static final int MTU = 4;
    public static final int LINK = 5;
    public static final int MASTER = 10;
    public static final int OPERSTATE = 16;
    public static final int LINKINFO = 18;
    public static final int AF_SPEC = 26;
    public static final int GROUP = 27;
    public static final int NET_NS_FD = 28;
    public static final int EXT_MASK = 29;
    public static final int LINK_NETNSID = 37;

    public static final int INFO_KIND = 1;
    public static final int INFO_DATA = 2;
    public static final int INFO_SLAVE_KIND = 4;
    public static final int INFO_SLAVE_DATA = 5;

    public static final int VETH_INFO_PEER = 1;
    public static final int VRF_TABLE = 1;

    public static final int VXLAN_ID = 1;
    public static final int VXLAN_LINK = 3;
    public static final int VXLAN_LOCAL = 4;
    public static final int VXLAN_LEARNING = 7;
    public static final int VXLAN_PORT = 15;
    public static final int VXLAN_LOCAL6 = 17;

    public static final int BRPORT_LEARNING = 8;
    public static final int BRPORT_NEIGH_SUPPRESS = 32;

    public static final int INET6_ADDR_GEN_MODE = 8;

    public static final int RTEXT_FILTER_VF = 1;
    public static final int RTEXT_FILTER_SKIP_STATS = 8;

    public static final int IFF_UP = 0x1;

    private Ifla() {
    }
}
