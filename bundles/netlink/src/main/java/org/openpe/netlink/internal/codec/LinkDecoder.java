package org.openpe.netlink.internal.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

import org.openpe.netlink.AddrGenMode;
import org.openpe.netlink.Link;
import org.openpe.netlink.MacAddress;

/**
 * Decodes RTM_NEWLINK / RTM_DELLINK messages into {@link Link}s. Keeps the attribute layout of the last
 * message (see {@link AttributeIndex}), which roughly halves the cost of decoding a dump: use one decoder
 * for a run of messages, from one thread at a time.
 */
public final class LinkDecoder {
    private static final int IFINFOMSG_LEN = 16;
    /** Device kinds decoded without allocating a new String each time. */
    private static final String[] KNOWN_KINDS = {"veth", "bridge", "vxlan", "vrf", "dummy", "bond", "vlan", "macvlan",
        "ipvlan", "team", "tun", "gre", "gretap", "ip6gre", "ipip", "sit", "wireguard", "bridge_slave"};
    @SuppressWarnings("unchecked")
    private static final Optional<AddrGenMode>[] MODE_OPTIONALS = Arrays.stream(AddrGenMode.values()).map(Optional::of)
            .toArray(Optional[]::new);

    /** Indexes the IFLA_* types read here (the highest is IFLA_LINK_NETNSID). */
    private final AttributeIndex attributes = new AttributeIndex(Ifla.LINK_NETNSID + 1);
    private final AttributeIndex infoAttributes = new AttributeIndex(Ifla.INFO_SLAVE_DATA + 1);
    private final AttributeIndex vxlanAttributes = new AttributeIndex(Ifla.VXLAN_LOCAL6 + 1);
    private final AttributeIndex bridgePortAttributes = new AttributeIndex(Ifla.BRPORT_NEIGH_SUPPRESS + 1);
    /** The per-family nests of IFLA_AF_SPEC, and the attributes of its AF_INET6 one. */
    private final AttributeIndex families = new AttributeIndex(Nl.AF_INET6 + 1);
    private final AttributeIndex inet6Attributes = new AttributeIndex(Ifla.INET6_ADDR_GEN_MODE + 1);

    /** The ifindex of the link message at {@code offset} without decoding the rest. */
    public static int index(ByteBuffer b, int offset) {
        return b.getInt(offset + Nl.HDRLEN + 4);
    }

    /** Decodes the link message at {@code offset} (the start of its nlmsghdr). */
    public Link link(ByteBuffer b, int offset) {
        int body = offset + Nl.HDRLEN;
        AttributeIndex at = attributes.of(b, body + IFINFOMSG_LEN, offset + b.getInt(offset));
        LinkInfo info = at.offset(Ifla.LINKINFO) != 0 ? linkInfo(b, at.offset(Ifla.LINKINFO)) : LinkInfo.NONE;
        String name = at.offset(Ifla.IFNAME) != 0 ? NlAttrs.string(b, at.offset(Ifla.IFNAME)) : "";
        OptionalInt linkNetnsId = at.offset(Ifla.LINK_NETNSID) != 0
                ? OptionalInt.of(NlAttrs.u32(b, at.offset(Ifla.LINK_NETNSID))) : OptionalInt.empty();
        Optional<AddrGenMode> addrGenMode = at.offset(Ifla.AF_SPEC) != 0
                ? addrGenMode(b, at.offset(Ifla.AF_SPEC)) : Optional.empty();
        return new Link(b.getInt(body + 4), name, info.kind(), b.getInt(body + 8), u32(b, at, Ifla.MTU),
                mac(b, at.offset(Ifla.ADDRESS)), u32(b, at, Ifla.MASTER), u32(b, at, Ifla.GROUP), u32(b, at, Ifla.LINK),
                linkNetnsId, addrGenMode, info.vxlan(), info.vrfTable(), info.bridgePort());
    }

    /** The u32 attribute {@code type} of the indexed message, 0 when absent. */
    private static int u32(ByteBuffer b, AttributeIndex at, int type) {
        int offset = at.offset(type);
        return offset != 0 ? NlAttrs.u32(b, offset) : 0;
    }

    private static Optional<MacAddress> mac(ByteBuffer b, int at) {
        long mac = at != 0 ? NlAttrs.mac(b, at) : -1;
        return mac < 0 ? Optional.empty() : Optional.of(new MacAddress(mac));
    }

    private LinkInfo linkInfo(ByteBuffer b, int linkInfo) {
        AttributeIndex at = infoAttributes.of(b, NlAttrs.payload(linkInfo), NlAttrs.end(b, linkInfo));
        String kind = at.offset(Ifla.INFO_KIND) != 0 ? NlAttrs.string(b, at.offset(Ifla.INFO_KIND), KNOWN_KINDS) : "";
        String slaveKind = at.offset(Ifla.INFO_SLAVE_KIND) != 0
                ? NlAttrs.string(b, at.offset(Ifla.INFO_SLAVE_KIND), KNOWN_KINDS) : "";
        int data = at.offset(Ifla.INFO_DATA);
        int slaveData = at.offset(Ifla.INFO_SLAVE_DATA);
        Optional<Link.Vxlan> vxlan = data != 0 && kind.equals("vxlan") ? Optional.of(vxlan(b, data)) : Optional.empty();
        OptionalInt vrfTable = data != 0 && kind.equals("vrf") ? vrfTable(b, data) : OptionalInt.empty();
        Optional<Link.BridgePort> bridgePort = slaveData != 0 && slaveKind.equals("bridge")
                ? Optional.of(bridgePort(b, slaveData)) : Optional.empty();
        return new LinkInfo(kind, vxlan, vrfTable, bridgePort);
    }

    private Link.Vxlan vxlan(ByteBuffer b, int data) {
        AttributeIndex at = vxlanAttributes.of(b, NlAttrs.payload(data), NlAttrs.end(b, data));
        int local = at.offset(Ifla.VXLAN_LOCAL) != 0 ? at.offset(Ifla.VXLAN_LOCAL) : at.offset(Ifla.VXLAN_LOCAL6);
        return new Link.Vxlan(u32(b, at, Ifla.VXLAN_ID),
                local != 0 ? Optional.of(NlAttrs.address(b, local)) : Optional.empty(),
                at.offset(Ifla.VXLAN_PORT) != 0 ? NlAttrs.be16(b, at.offset(Ifla.VXLAN_PORT)) : 0,
                flag(b, at, Ifla.VXLAN_LEARNING), u32(b, at, Ifla.VXLAN_LINK));
    }

    private static OptionalInt vrfTable(ByteBuffer b, int data) {
        OptionalInt table = OptionalInt.empty();
        int end = NlAttrs.end(b, data);
        for (int a = NlAttrs.payload(data); NlAttrs.fits(b, a, end); a = NlAttrs.next(b, a)) {
            if (NlAttrs.type(b, a) == Ifla.VRF_TABLE) {
                table = OptionalInt.of(NlAttrs.u32(b, a));
            }
        }
        return table;
    }

    private Link.BridgePort bridgePort(ByteBuffer b, int data) {
        AttributeIndex at = bridgePortAttributes.of(b, NlAttrs.payload(data), NlAttrs.end(b, data));
        return new Link.BridgePort(flag(b, at, Ifla.BRPORT_LEARNING), flag(b, at, Ifla.BRPORT_NEIGH_SUPPRESS));
    }

    /** The u8 attribute {@code type} of the indexed message as a flag, false when absent. */
    private static boolean flag(ByteBuffer b, AttributeIndex at, int type) {
        int offset = at.offset(type);
        return offset != 0 && NlAttrs.u8(b, offset) != 0;
    }

    /** IFLA_INET6_ADDR_GEN_MODE inside IFLA_AF_SPEC, absent when the device has no IPv6. */
    private Optional<AddrGenMode> addrGenMode(ByteBuffer b, int afSpec) {
        int inet6 = families.of(b, NlAttrs.payload(afSpec), NlAttrs.end(b, afSpec)).offset(Nl.AF_INET6);
        int mode = inet6 == 0 ? 0
                : inet6Attributes.of(b, NlAttrs.payload(inet6), NlAttrs.end(b, inet6)).offset(Ifla.INET6_ADDR_GEN_MODE);
        return mode == 0 ? Optional.empty() : MODE_OPTIONALS[AddrGenMode.of(NlAttrs.u8(b, mode)).ordinal()];
    }

    /** What IFLA_LINKINFO says about a device: its kind, kind-specific data and bridge-port flags. */
    private record LinkInfo(String kind, Optional<Link.Vxlan> vxlan, OptionalInt vrfTable,
                            Optional<Link.BridgePort> bridgePort) {
        static final LinkInfo NONE = new LinkInfo("", Optional.empty(), OptionalInt.empty(), Optional.empty());
    }
}
