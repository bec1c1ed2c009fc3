package org.openpe.netlink.internal.codec;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

import org.openpe.netlink.Addr;
import org.openpe.netlink.AddrGenMode;
import org.openpe.netlink.IpPrefix;
import org.openpe.netlink.Link;
import org.openpe.netlink.MacAddress;
import org.openpe.netlink.Route;
import org.openpe.netlink.RouteType;

/** Decodes RTM_NEWLINK / RTM_NEWADDR / RTM_NEWROUTE messages (also their DEL twins) into the read model. */
public final class RtnlDecoder {
    private static final int IFINFOMSG_LEN = 16;
    private static final int IFADDRMSG_LEN = 8;
    private static final int RTMSG_LEN = 12;
    private static final int IFA_F_FLAGS_BYTE = 0xff;
    /** Device kinds decoded without allocating a new String each time. */
    private static final String[] KNOWN_KINDS = {"veth", "bridge", "vxlan", "vrf", "dummy", "bond", "vlan", "macvlan",
        "ipvlan", "team", "tun", "gre", "gretap", "ip6gre", "ipip", "sit", "wireguard", "bridge_slave"};
    @SuppressWarnings("unchecked")
    private static final Optional<AddrGenMode>[] MODE_OPTIONALS = Arrays.stream(AddrGenMode.values()).map(Optional::of)
            .toArray(Optional[]::new);

    /** Room for the IFLA_* types {@link #link} reads (the highest is IFLA_LINK_NETNSID). */
    private static final int LINK_ATTRIBUTE_SLOTS = Ifla.LINK_NETNSID + 1;

    private RtnlDecoder() {
    }

    /** Decodes the link message at {@code offset} (the start of its nlmsghdr). */
    public static Link link(ByteBuffer b, int offset) {
        int body = offset + Nl.HDRLEN;
        int[] at = NlAttrs.index(b, body + IFINFOMSG_LEN, offset + b.getInt(offset), new int[LINK_ATTRIBUTE_SLOTS]);
        LinkInfo info = at[Ifla.LINKINFO] != 0 ? linkInfo(b, at[Ifla.LINKINFO]) : LinkInfo.NONE;
        String name = at[Ifla.IFNAME] != 0 ? NlAttrs.string(b, at[Ifla.IFNAME]) : "";
        OptionalInt linkNetnsId = at[Ifla.LINK_NETNSID] != 0
                ? OptionalInt.of(NlAttrs.u32(b, at[Ifla.LINK_NETNSID])) : OptionalInt.empty();
        Optional<AddrGenMode> addrGenMode = at[Ifla.AF_SPEC] != 0 ? addrGenMode(b, at[Ifla.AF_SPEC]) : Optional.empty();
        return new Link(b.getInt(body + 4), name, info.kind(), b.getInt(body + 8), u32(b, at, Ifla.MTU),
                mac(b, at[Ifla.ADDRESS]), u32(b, at, Ifla.MASTER), u32(b, at, Ifla.GROUP), u32(b, at, Ifla.LINK),
                linkNetnsId, addrGenMode, info.vxlan(), info.vrfTable(), info.bridgePort());
    }

    /** The ifindex of a link message without decoding the rest. */
    public static int linkIndex(ByteBuffer b, int offset) {
        return b.getInt(offset + Nl.HDRLEN + 4);
    }

    public static Addr addr(ByteBuffer b, int offset) {
        int end = offset + b.getInt(offset);
        int body = offset + Nl.HDRLEN;
        int family = b.get(body) & 0xff;
        int prefixLength = b.get(body + 1) & 0xff;
        int flags = b.get(body + 2) & IFA_F_FLAGS_BYTE;
        int scope = b.get(body + 3) & 0xff;
        int index = b.getInt(body + 4);
        InetAddress local = null;
        InetAddress address = null;
        String label = "";
        for (int a = body + IFADDRMSG_LEN; NlAttrs.fits(b, a, end); a = NlAttrs.next(b, a)) {
            switch (NlAttrs.type(b, a)) {
                case Ifa.LOCAL -> local = NlAttrs.address(b, a);
                case Ifa.ADDRESS -> address = NlAttrs.address(b, a);
                case Ifa.LABEL -> label = NlAttrs.string(b, a);
                case Ifa.FLAGS -> flags = NlAttrs.u32(b, a);
                default -> {
                }
            }
        }
        // IFA_LOCAL is the interface's own address; IFA_ADDRESS is the peer on point-to-point links.
        InetAddress own = local != null ? local : address;
        if (own == null) {
            own = zeroAddress(family);
        }
        return new Addr(index, new IpPrefix(own, prefixLength), flags, scope, label);
    }

    public static Route route(ByteBuffer b, int offset) {
        int end = offset + b.getInt(offset);
        int body = offset + Nl.HDRLEN;
        int family = b.get(body) & 0xff;
        int dstLength = b.get(body + 1) & 0xff;
        int table = b.get(body + 4) & 0xff;
        int protocol = b.get(body + 5) & 0xff;
        int scope = b.get(body + 6) & 0xff;
        RouteType type = RouteType.of(b.get(body + 7) & 0xff);
        InetAddress destination = null;
        Optional<InetAddress> gateway = Optional.empty();
        Optional<InetAddress> preferredSource = Optional.empty();
        int outputIndex = 0;
        int priority = 0;
        for (int a = body + RTMSG_LEN; NlAttrs.fits(b, a, end); a = NlAttrs.next(b, a)) {
            switch (NlAttrs.type(b, a)) {
                case Rta.DST -> destination = NlAttrs.address(b, a);
                case Rta.GATEWAY -> gateway = Optional.of(NlAttrs.address(b, a));
                case Rta.PREFSRC -> preferredSource = Optional.of(NlAttrs.address(b, a));
                case Rta.OIF -> outputIndex = NlAttrs.u32(b, a);
                case Rta.PRIORITY -> priority = NlAttrs.u32(b, a);
                case Rta.TABLE -> table = NlAttrs.u32(b, a);
                default -> {
                }
            }
        }
        if (destination == null) {
            destination = zeroAddress(family);
        }
        return new Route(type, new IpPrefix(destination, dstLength), gateway, outputIndex, table, protocol, scope, priority,
                preferredSource);
    }

    /** The u32 attribute {@code type} indexed in {@code at}, 0 when absent. */
    private static int u32(ByteBuffer b, int[] at, int type) {
        return at[type] != 0 ? NlAttrs.u32(b, at[type]) : 0;
    }

    private static Optional<MacAddress> mac(ByteBuffer b, int at) {
        long mac = at != 0 ? NlAttrs.mac(b, at) : -1;
        return mac < 0 ? Optional.empty() : Optional.of(new MacAddress(mac));
    }

    private static LinkInfo linkInfo(ByteBuffer b, int at) {
        int end = NlAttrs.end(b, at);
        String kind = "";
        int data = -1;
        int slaveData = -1;
        String slaveKind = "";
        for (int a = NlAttrs.payload(at); NlAttrs.fits(b, a, end); a = NlAttrs.next(b, a)) {
            switch (NlAttrs.type(b, a)) {
                case Ifla.INFO_KIND -> kind = NlAttrs.string(b, a, KNOWN_KINDS);
                case Ifla.INFO_DATA -> data = a;
                case Ifla.INFO_SLAVE_KIND -> slaveKind = NlAttrs.string(b, a, KNOWN_KINDS);
                case Ifla.INFO_SLAVE_DATA -> slaveData = a;
                default -> {
                }
            }
        }
        Optional<Link.Vxlan> vxlan = Optional.empty();
        OptionalInt vrfTable = OptionalInt.empty();
        if (data >= 0 && kind.equals("vxlan")) {
            vxlan = Optional.of(vxlan(b, data));
        } else if (data >= 0 && kind.equals("vrf")) {
            for (int a = NlAttrs.payload(data); NlAttrs.fits(b, a, NlAttrs.end(b, data)); a = NlAttrs.next(b, a)) {
                if (NlAttrs.type(b, a) == Ifla.VRF_TABLE) {
                    vrfTable = OptionalInt.of(NlAttrs.u32(b, a));
                }
            }
        }
        Optional<Link.BridgePort> bridgePort = slaveData >= 0 && slaveKind.equals("bridge")
                ? Optional.of(bridgePort(b, slaveData)) : Optional.empty();
        return new LinkInfo(kind, vxlan, vrfTable, bridgePort);
    }

    private static Link.Vxlan vxlan(ByteBuffer b, int data) {
        int vni = 0;
        int port = 0;
        boolean learning = false;
        int device = 0;
        Optional<InetAddress> local = Optional.empty();
        int end = NlAttrs.end(b, data);
        for (int a = NlAttrs.payload(data); NlAttrs.fits(b, a, end); a = NlAttrs.next(b, a)) {
            switch (NlAttrs.type(b, a)) {
                case Ifla.VXLAN_ID -> vni = NlAttrs.u32(b, a);
                case Ifla.VXLAN_PORT -> port = NlAttrs.be16(b, a);
                case Ifla.VXLAN_LEARNING -> learning = NlAttrs.u8(b, a) != 0;
                case Ifla.VXLAN_LINK -> device = NlAttrs.u32(b, a);
                case Ifla.VXLAN_LOCAL, Ifla.VXLAN_LOCAL6 -> local = Optional.of(NlAttrs.address(b, a));
                default -> {
                }
            }
        }
        return new Link.Vxlan(vni, local, port, learning, device);
    }

    private static Link.BridgePort bridgePort(ByteBuffer b, int data) {
        boolean learning = false;
        boolean neighSuppress = false;
        int end = NlAttrs.end(b, data);
        for (int a = NlAttrs.payload(data); NlAttrs.fits(b, a, end); a = NlAttrs.next(b, a)) {
            switch (NlAttrs.type(b, a)) {
                case Ifla.BRPORT_LEARNING -> learning = NlAttrs.u8(b, a) != 0;
                case Ifla.BRPORT_NEIGH_SUPPRESS -> neighSuppress = NlAttrs.u8(b, a) != 0;
                default -> {
                }
            }
        }
        return new Link.BridgePort(learning, neighSuppress);
    }

    /** IFLA_INET6_ADDR_GEN_MODE inside IFLA_AF_SPEC, absent when the device has no IPv6. */
    private static Optional<AddrGenMode> addrGenMode(ByteBuffer b, int at) {
        Optional<AddrGenMode> mode = Optional.empty();
        int end = NlAttrs.end(b, at);
        for (int a = NlAttrs.payload(at); NlAttrs.fits(b, a, end); a = NlAttrs.next(b, a)) {
            if (NlAttrs.type(b, a) != Nl.AF_INET6) {
                continue;
            }
            int inet6End = NlAttrs.end(b, a);
            for (int c = NlAttrs.payload(a); NlAttrs.fits(b, c, inet6End); c = NlAttrs.next(b, c)) {
                if (NlAttrs.type(b, c) == Ifla.INET6_ADDR_GEN_MODE) {
                    mode = MODE_OPTIONALS[AddrGenMode.of(NlAttrs.u8(b, c)).ordinal()];
                }
            }
        }
        return mode;
    }

    private static InetAddress zeroAddress(int family) {
        try {
            return InetAddress.getByAddress(new byte[family == Nl.AF_INET6 ? 16 : 4]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What IFLA_LINKINFO says about a device: its kind, kind-specific data and bridge-port flags. */
    private record LinkInfo(String kind, Optional<Link.Vxlan> vxlan, OptionalInt vrfTable,
                            Optional<Link.BridgePort> bridgePort) {
        static final LinkInfo NONE = new LinkInfo("", Optional.empty(), OptionalInt.empty(), Optional.empty());
    }
}
