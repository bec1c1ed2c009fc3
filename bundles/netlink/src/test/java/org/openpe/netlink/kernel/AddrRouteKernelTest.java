package org.openpe.netlink.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpe.netlink.Addr;
import org.openpe.netlink.AddrGenMode;
import org.openpe.netlink.IpPrefix;
import org.openpe.netlink.LinkOptions;
import org.openpe.netlink.LinkSpec;
import org.openpe.netlink.Netlink;
import org.openpe.netlink.NetlinkException;
import org.openpe.netlink.NetlinkHandle;
import org.openpe.netlink.Route;
import org.openpe.netlink.RouteSpec;
import org.openpe.netlink.RouteType;

@Tag("kernel")
class AddrRouteKernelTest {
    private KernelFixture fixture;
    private String ns;
    private NetlinkHandle h;
    private int pe;

    @BeforeEach
    void setUp() {
        KernelFixture.assumeRoot();
        fixture = new KernelFixture();
        ns = fixture.namespace("ar");
        h = Netlink.open(ns);
        h.linkAdd(new LinkSpec.Bridge("pe-100"), LinkOptions.none().withUp(true).withAddrGenMode(AddrGenMode.NONE));
        pe = h.index("pe-100");
    }

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void addListAndDeleteAddresses() {
        h.addrAdd("pe-100", IpPrefix.parse("10.0.0.1/24"));
        h.addrAdd("pe-100", IpPrefix.parse("2001:db8::10/64"));

        List<Addr> mine = h.addrs().stream().filter(a -> a.linkIndex() == pe).toList();
        assertEquals(2, mine.size(), mine.toString());
        Addr v4 = mine.stream().filter(a -> a.prefix().isIpv4()).findFirst().orElseThrow();
        assertEquals(IpPrefix.parse("10.0.0.1/24"), v4.prefix());
        assertEquals("pe-100", v4.label());
        assertEquals(0, v4.scope());
        assertTrue(mine.stream().anyMatch(a -> a.prefix().equals(IpPrefix.parse("2001:db8::10/64"))));

        JsonNode ip = KernelFixture.ipJson(ns, "addr", "show", "dev", "pe-100").get(0).path("addr_info");
        assertEquals(2, ip.size());
        for (JsonNode info : ip) {
            IpPrefix prefix = IpPrefix.parse(info.path("local").asText() + "/" + info.path("prefixlen").asInt());
            assertTrue(mine.stream().anyMatch(a -> a.prefix().equals(prefix)), prefix + " missing in " + mine);
        }

        h.addrDelete("pe-100", IpPrefix.parse("10.0.0.1/24"));
        assertTrue(h.addrs().stream().noneMatch(a -> a.prefix().equals(IpPrefix.parse("10.0.0.1/24"))));
    }

    @Test
    void duplicateAddressNamesTheOperationAndTheKernelReason() {
        h.addrAdd("pe-100", IpPrefix.parse("10.0.0.1/24"));
        NetlinkException e = assertThrows(NetlinkException.class, () -> h.addrAdd("pe-100", IpPrefix.parse("10.0.0.1/24")));
        assertEquals("add address 10.0.0.1/24 to pe-100 in " + ns + ": EEXIST: ipv4: Address already assigned", e.getMessage());
        assertEquals("ipv4: Address already assigned", e.detail());
    }

    @Test
    void routesWithGatewayDeviceTableAndUnreachable() throws Exception {
        h.addrAdd("pe-100", IpPrefix.parse("192.0.2.10/24"));
        InetAddress gw = InetAddress.getByName("192.0.2.1");
        RouteSpec viaGw = RouteSpec.to(IpPrefix.parse("198.51.100.0/24")).via(gw);
        RouteSpec devTable = RouteSpec.to(IpPrefix.parse("203.0.113.0/24")).dev("pe-100").inTable(1001).withMetric(20);
        RouteSpec unreachable4 = RouteSpec.unreachable(IpPrefix.defaultV4()).inTable(1001);
        RouteSpec unreachable6 = RouteSpec.unreachable(IpPrefix.defaultV6()).inTable(1001);
        for (RouteSpec route : List.of(viaGw, devTable, unreachable4, unreachable6)) {
            h.routeAdd(route);
        }

        List<Route> routes = h.routes();
        assertTrue(routes.contains(new Route(RouteType.UNICAST, IpPrefix.parse("198.51.100.0/24"), Optional.of(gw), pe,
                254, RouteSpec.PROTO_BOOT, 0, 0, Optional.empty())), routes.toString());
        assertTrue(routes.contains(new Route(RouteType.UNICAST, IpPrefix.parse("203.0.113.0/24"), Optional.empty(), pe,
                1001, RouteSpec.PROTO_BOOT, 253, 20, Optional.empty())), routes.toString());
        assertTrue(routes.contains(new Route(RouteType.UNREACHABLE, IpPrefix.defaultV4(), Optional.empty(), 0,
                1001, RouteSpec.PROTO_BOOT, 0, 0, Optional.empty())), routes.toString());
        assertTrue(routes.stream().anyMatch(r -> r.type() == RouteType.UNREACHABLE && r.table() == 1001
                && r.destination().equals(IpPrefix.defaultV6())), routes.toString());

        JsonNode table1001 = KernelFixture.ipJson(ns, "route", "show", "table", "1001");
        assertTrue(table1001.toString().contains("\"type\":\"unreachable\",\"dst\":\"default\""), table1001.toString());
        assertTrue(table1001.toString().contains("\"dst\":\"203.0.113.0/24\",\"dev\":\"pe-100\""), table1001.toString());
        JsonNode table1001v6 = KernelFixture.ipJson(ns, "-6", "route", "show", "table", "1001");
        assertTrue(table1001v6.toString().contains("\"type\":\"unreachable\",\"dst\":\"default\""), table1001v6.toString());
        JsonNode main = KernelFixture.ipJson(ns, "route", "show");
        assertTrue(main.toString().contains("\"dst\":\"198.51.100.0/24\",\"gateway\":\"192.0.2.1\""), main.toString());

        NetlinkException duplicate = assertThrows(NetlinkException.class, () -> h.routeAdd(unreachable4));
        assertEquals("EEXIST", duplicate.errnoName());
        assertTrue(duplicate.getMessage().startsWith("add route unreachable 0.0.0.0/0 table 1001 in " + ns + ": EEXIST"),
                duplicate.getMessage());

        for (RouteSpec route : List.of(viaGw, devTable, unreachable4, unreachable6)) {
            h.routeDelete(route);
        }
        assertTrue(h.routes().stream().noneMatch(r -> r.table() == 1001
                || r.destination().equals(IpPrefix.parse("198.51.100.0/24"))), h.routes().toString());
        NetlinkException gone = assertThrows(NetlinkException.class, () -> h.routeDelete(unreachable4));
        assertEquals("ESRCH", gone.errnoName());
    }
}
