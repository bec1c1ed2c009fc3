package org.openpe.netlink.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.openpe.netlink.Addr;
import org.openpe.netlink.AddrGenMode;
import org.openpe.netlink.IpPrefix;
import org.openpe.netlink.Link;
import org.openpe.netlink.MacAddress;
import org.openpe.netlink.Route;
import org.openpe.netlink.RouteType;

/**
 * Parses replies captured from this machine's kernel (6.18) with {@code strace -e trace=recvmsg -xx ip ...};
 * expectations come from {@code ip -j -d} on the same namespace.
 */
class RtnlDecoderTest {
    private static final Golden KERNEL = new Golden("/golden/kernel-6.18-replies.txt");

    @Test
    void bridge() {
        Link br0 = link("br0");
        assertEquals(2, br0.index());
        assertEquals("br0", br0.name());
        assertEquals("bridge", br0.kind());
        assertEquals(1500, br0.mtu());
        assertEquals(Optional.of(MacAddress.parse("02:00:00:00:00:42")), br0.mac());
        assertEquals(7, br0.group());
        assertTrue(br0.isUp());
        assertEquals(0, br0.masterIndex());
        assertEquals(0, br0.linkIndex());
        assertEquals(OptionalInt.empty(), br0.linkNetnsId());
        assertEquals(Optional.of(AddrGenMode.EUI64), br0.addrGenMode());
        assertEquals(Optional.empty(), br0.bridgePort());
        assertEquals(Optional.empty(), br0.vxlan());
        assertEquals(OptionalInt.empty(), br0.vrfTable());
    }

    @Test
    void vethPortWithPeerInAnotherNamespace() {
        Link va0 = link("va0");
        assertEquals(3, va0.index());
        assertEquals("veth", va0.kind());
        assertEquals(2, va0.linkIndex());
        assertEquals(OptionalInt.of(0), va0.linkNetnsId());
        assertEquals(2, va0.masterIndex());
        assertEquals(Optional.of(new Link.BridgePort(false, true)), va0.bridgePort());
        assertEquals(Optional.of(MacAddress.parse("66:b6:79:88:3d:62")), va0.mac());
        assertTrue(!va0.isUp());
    }

    @Test
    void vxlans() throws Exception {
        Link vx6 = link("vx6");
        assertEquals(6, vx6.index());
        assertEquals(1430, vx6.mtu());
        assertEquals(Optional.of(new Link.Vxlan(4343, Optional.of(InetAddress.getByName("2001:db8::1")), 4790, false, 5)), vx6.vxlan());
        Link vx4 = link("vx4");
        assertEquals(Optional.of(new Link.Vxlan(42, Optional.of(InetAddress.getByName("192.0.2.1")), 4789, true, 0)), vx4.vxlan());
        assertEquals(Optional.of(AddrGenMode.NONE), vx4.addrGenMode());
    }

    @Test
    void addresses() {
        List<Addr> addrs = KERNEL.all("addr").stream().map(m -> RtnlDecoder.addr(Golden.buffer(m), 0)).toList();
        assertEquals(new Addr(2, IpPrefix.parse("192.0.2.10/24"), 0x80, 0, "br0"), addrs.get(0));
        Addr v6 = addrs.get(1);
        assertEquals(IpPrefix.parse("2001:db8::10/64"), v6.prefix());
        assertEquals(2, v6.linkIndex());
        assertEquals(0x82, v6.flags() & 0x82, "IFA_F_PERMANENT | IFA_F_NODAD");
    }

    @Test
    void routes() throws Exception {
        List<Route> routes = KERNEL.all("route").stream().map(m -> RtnlDecoder.route(Golden.buffer(m), 0)).toList();
        assertEquals(8, routes.size());
        assertEquals(new Route(RouteType.UNREACHABLE, IpPrefix.defaultV4(), Optional.empty(), 0, 1001, 3, 0, 0, Optional.empty()), routes.get(0),
                "table ids above 255 come from RTA_TABLE (rtm_table says 252)");
        assertTrue(routes.contains(new Route(RouteType.UNICAST, IpPrefix.parse("198.51.100.0/24"),
                Optional.of(InetAddress.getByName("192.0.2.1")), 2, 254, 3, 0, 20, Optional.empty())), routes.toString());
        assertTrue(routes.contains(new Route(RouteType.UNICAST, IpPrefix.parse("192.0.2.0/24"), Optional.empty(), 2, 254, 2, 253, 0,
                Optional.of(InetAddress.getByName("192.0.2.10")))));
        assertTrue(routes.contains(new Route(RouteType.LOCAL, IpPrefix.parse("192.0.2.10/32"), Optional.empty(), 2, 255, 2, 254, 0,
                Optional.of(InetAddress.getByName("192.0.2.10")))));
        assertTrue(routes.contains(new Route(RouteType.MULTICAST, IpPrefix.parse("ff00::/8"), Optional.empty(), 2, 255, 2, 0, 256, Optional.empty())));
    }

    @Test
    void attributesThatOverrunTheMessageAreIgnored() {
        byte[] message = KERNEL.one("br0").clone();
        ByteBuffer buffer = Golden.buffer(message);
        int truncated = Nl.HDRLEN + 16 + 8 + 2; // header, ifinfomsg, first (IFNAME) attribute, half a header
        buffer.putInt(0, truncated);
        Link partial = new LinkDecoder().link(buffer, 0);
        assertEquals("br0", partial.name());
        assertEquals(0, partial.mtu());
    }

    @Test
    void aDecoderReusedAcrossMessagesOfOtherLayoutsDecodesEachLikeAFreshOne() {
        LinkDecoder reused = new LinkDecoder();
        for (String name : List.of("br0", "va0", "br0", "vx4", "vx6", "vx4", "va0")) {
            assertEquals(link(name), reused.link(Golden.buffer(KERNEL.one(name)), 0), name);
        }
    }

    private static Link link(String name) {
        return new LinkDecoder().link(Golden.buffer(KERNEL.one(name)), 0);
    }
}
