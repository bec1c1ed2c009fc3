package org.openpe.netlink.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpe.netlink.AddrGenMode;
import org.openpe.netlink.Link;
import org.openpe.netlink.LinkOptions;
import org.openpe.netlink.LinkSpec;
import org.openpe.netlink.MacAddress;
import org.openpe.netlink.Netlink;
import org.openpe.netlink.NetlinkException;
import org.openpe.netlink.NetlinkHandle;

@Tag("kernel")
class LinkKernelTest {
    private KernelFixture fixture;
    private String nsA;
    private String nsB;
    private NetlinkHandle a;
    private NetlinkHandle b;

    @BeforeEach
    void setUp() {
        KernelFixture.assumeRoot();
        fixture = new KernelFixture();
        nsA = fixture.namespace("a");
        nsB = fixture.namespace("b");
        a = Netlink.open(nsA);
        b = Netlink.open(nsB);
    }

    @AfterEach
    void tearDown() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void vethPeerIsCreatedDirectlyInAnotherNamespace() {
        a.linkAdd(new LinkSpec.Veth("va0", "vb0", Optional.of(nsB)),
                LinkOptions.none().withMtu(1400).withGroup(7).withUp(true));

        Link va0 = a.link("va0").orElseThrow();
        Link vb0 = b.link("vb0").orElseThrow();
        assertEquals("veth", va0.kind());
        assertEquals(1400, va0.mtu());
        assertEquals(7, va0.group());
        assertTrue(va0.isUp());
        assertEquals(vb0.index(), va0.linkIndex());
        assertTrue(va0.linkNetnsId().isPresent());
        assertTrue(a.link("vb0").isEmpty());

        JsonNode ip = KernelFixture.ipLink(nsA, "va0");
        assertEquals(1400, ip.path("mtu").asInt());
        assertEquals("7", ip.path("group").asText());
        assertEquals("veth", ip.path("linkinfo").path("info_kind").asText());
        assertEquals(vb0.index(), ip.path("link_index").asInt());
        assertEquals(va0.linkNetnsId().getAsInt(), ip.path("link_netnsid").asInt());
        assertTrue(ip.path("flags").toString().contains("\"UP\""));
        assertEquals("veth", KernelFixture.ipLink(nsB, "vb0").path("linkinfo").path("info_kind").asText());
    }

    @Test
    void bridgeWithOptionsAndPortFlags() {
        MacAddress mac = MacAddress.parse("02:00:00:00:00:42");
        a.linkAdd(new LinkSpec.Bridge("br0"), LinkOptions.none().withMtu(1450).withMac(mac).withUp(true));
        Link br0 = a.link("br0").orElseThrow();
        assertEquals("bridge", br0.kind());
        assertEquals(Optional.of(mac), br0.mac());
        assertEquals(1450, br0.mtu());
        assertTrue(br0.isUp());

        a.linkAdd(new LinkSpec.Veth("p0", "p1"), LinkOptions.none().withMaster("br0"));
        assertEquals(1500, a.link("br0").orElseThrow().mtu(),
                "an MTU given at creation is not pinned: the bridge follows its ports");
        a.linkSetMtu("br0", 1450);
        a.linkAdd(new LinkSpec.Veth("p2", "p3"), LinkOptions.none().withMaster("br0"));
        assertEquals(1450, a.link("br0").orElseThrow().mtu(), "an MTU set on the existing bridge is pinned");
        Link p0 = a.link("p0").orElseThrow();
        assertEquals(br0.index(), p0.masterIndex());
        assertEquals(Optional.of(new Link.BridgePort(true, false)), p0.bridgePort());

        a.linkSetBridgePort("p0", new Link.BridgePort(false, true));
        assertEquals(Optional.of(new Link.BridgePort(false, true)), a.link("p0").orElseThrow().bridgePort());
        JsonNode slave = KernelFixture.ipLink(nsA, "p0").path("linkinfo").path("info_slave_data");
        assertFalse(slave.path("learning").asBoolean(true));
        assertTrue(slave.path("neigh_suppress").asBoolean(false));
        assertEquals("br0", KernelFixture.ipLink(nsA, "p0").path("master").asText());
        assertEquals(mac.toString(), KernelFixture.ipLink(nsA, "br0").path("address").asText());

        a.linkSetNoMaster("p0");
        Link detached = a.link("p0").orElseThrow();
        assertEquals(0, detached.masterIndex());
        assertTrue(detached.bridgePort().isEmpty());
        a.linkSetMaster("p0", "br0");
        assertEquals(br0.index(), a.link("p0").orElseThrow().masterIndex());
    }

    @Test
    void vxlanIpv4WithoutLearning() throws Exception {
        a.linkAdd(new LinkSpec.Vxlan("vx42", 42, Optional.of(InetAddress.getByName("192.0.2.1")), 4789, false,
                Optional.empty()));

        Link.Vxlan vxlan = a.link("vx42").orElseThrow().vxlan().orElseThrow();
        assertEquals(new Link.Vxlan(42, Optional.of(InetAddress.getByName("192.0.2.1")), 4789, false, 0), vxlan);
        JsonNode data = KernelFixture.ipLink(nsA, "vx42").path("linkinfo").path("info_data");
        assertEquals(42, data.path("id").asInt());
        assertEquals("192.0.2.1", data.path("local").asText());
        assertEquals(4789, data.path("port").asInt());
        assertFalse(data.path("learning").asBoolean(true));
    }

    @Test
    void vxlanIpv6OnUnderlayDeviceWithLearning() throws Exception {
        a.linkAdd(new LinkSpec.Veth("under0", "under1"));
        int under = a.index("under0");
        a.linkAdd(new LinkSpec.Vxlan("vx6", 4343, Optional.of(InetAddress.getByName("2001:db8::1")), 4790, true,
                Optional.of("under0")));

        assertEquals(new Link.Vxlan(4343, Optional.of(InetAddress.getByName("2001:db8::1")), 4790, true, under),
                a.link("vx6").orElseThrow().vxlan().orElseThrow());
        JsonNode data = KernelFixture.ipLink(nsA, "vx6").path("linkinfo").path("info_data");
        assertEquals(4343, data.path("id").asInt());
        assertEquals("2001:db8::1", data.path("local6").asText());
        assertEquals(4790, data.path("port").asInt());
        assertTrue(data.path("learning").asBoolean(false));
        assertEquals("under0", data.path("link").asText());
    }

    @Test
    void setMtuMacGroupUpDownAndAddrGenMode() {
        a.linkAdd(new LinkSpec.Bridge("br1"));
        a.linkSetMtu("br1", 1300);
        a.linkSetMac("br1", MacAddress.parse("02:11:22:33:44:55"));
        a.linkSetGroup("br1", 99);
        a.linkSetAddrGenMode("br1", AddrGenMode.NONE);
        a.linkSetUp("br1");

        Link br1 = a.link("br1").orElseThrow();
        assertEquals(1300, br1.mtu());
        assertEquals("02:11:22:33:44:55", br1.mac().orElseThrow().toString());
        assertEquals(99, br1.group());
        assertEquals(Optional.of(AddrGenMode.NONE), br1.addrGenMode());
        assertTrue(br1.isUp());
        JsonNode ip = KernelFixture.ipLink(nsA, "br1");
        assertEquals(1300, ip.path("mtu").asInt());
        assertEquals("02:11:22:33:44:55", ip.path("address").asText());
        assertEquals("none", ip.path("inet6_addr_gen_mode").asText());

        a.linkSetDown("br1");
        assertFalse(a.link("br1").orElseThrow().isUp());
        assertFalse(KernelFixture.ipLink(nsA, "br1").path("flags").toString().contains("\"UP\""));
    }

    @Test
    void addrGenModeAtCreationPrecedesUp() {
        a.linkAdd(new LinkSpec.Bridge("br2"), LinkOptions.none().withAddrGenMode(AddrGenMode.NONE).withUp(true));
        Link br2 = a.link("br2").orElseThrow();
        assertEquals(Optional.of(AddrGenMode.NONE), br2.addrGenMode());
        assertTrue(br2.isUp());
        assertTrue(a.addrs().stream().noneMatch(addr -> addr.linkIndex() == br2.index()),
                "no IPv6 link-local address may be generated");
    }

    @Test
    void moveToNamespaceAndDelete() {
        a.linkAdd(new LinkSpec.Veth("m0", "m1"));
        a.linkSetNamespace("m1", nsB);
        assertTrue(a.link("m1").isEmpty());
        assertTrue(b.link("m1").isPresent());
        assertEquals("m1", KernelFixture.ipLink(nsB, "m1").path("ifname").asText());

        a.linkDelete("m0");
        assertTrue(a.link("m0").isEmpty());
        assertTrue(b.link("m1").isEmpty(), "deleting one end of a veth removes the other");
    }

    @Test
    void deleteGroupRemovesOnlyThatGroup() {
        for (int i = 0; i < 5; i++) {
            a.linkAdd(new LinkSpec.Bridge("g" + i), LinkOptions.none().withGroup(i < 3 ? 5 : 6));
        }
        a.linkDeleteGroup(5);
        List<String> names = a.links().stream().map(Link::name).toList();
        assertFalse(names.contains("g0") || names.contains("g1") || names.contains("g2"));
        assertTrue(names.contains("g3") && names.contains("g4"));
    }

    @Test
    void batchedCreateAndParallelDelete() {
        List<LinkSpec> bridges = java.util.stream.IntStream.range(0, 250)
                .mapToObj(i -> (LinkSpec) new LinkSpec.Bridge("bb" + i)).toList();
        a.linkAddAll(bridges, LinkOptions.none().withGroup(3));
        assertEquals(250, a.links().stream().filter(l -> l.name().startsWith("bb")).count());

        NetlinkException duplicate = assertThrows(NetlinkException.class,
                () -> a.linkAddAll(List.of(new LinkSpec.Bridge("bb1"), new LinkSpec.Bridge("fresh")), LinkOptions.none()));
        assertTrue(duplicate.getMessage().startsWith("add 1 of 2 links in " + nsA + ", failed: bb1 (EEXIST"),
                duplicate.getMessage());
        assertTrue(a.link("fresh").isPresent(), "the kernel carries on after a failed batch member");

        a.linkDeleteAll(bridges.stream().limit(20).map(LinkSpec::name).toList(), 4);
        assertEquals(230, a.links().stream().filter(l -> l.name().startsWith("bb")).count());
    }

    @Test
    void dumpMatchesIp() {
        a.linkAdd(new LinkSpec.Bridge("d0"), LinkOptions.none().withUp(true));
        a.linkAdd(new LinkSpec.Veth("d1", "d2"), LinkOptions.none().withMaster("d0"));
        List<Link> links = a.links();
        JsonNode ip = KernelFixture.ipJson(nsA, "link", "show");
        assertEquals(ip.size(), links.size());
        for (JsonNode entry : ip) {
            Link link = links.stream().filter(l -> l.index() == entry.path("ifindex").asInt()).findFirst().orElseThrow();
            assertEquals(entry.path("ifname").asText(), link.name());
            assertEquals(entry.path("mtu").asInt(), link.mtu());
            assertEquals(entry.path("linkinfo").path("info_kind").asText(""), link.kind());
            assertEquals(entry.path("address").asText(), link.mac().map(MacAddress::toString).orElse(""));
        }
        assertEquals(OptionalInt.empty(), links.stream().filter(l -> l.name().equals("d1")).findFirst().orElseThrow().linkNetnsId());
    }

    @Test
    void errorsCarryErrnoNameExtackAndOperation() {
        a.linkAdd(new LinkSpec.Bridge("e0"));
        NetlinkException exists = assertThrows(NetlinkException.class, () -> a.linkAdd(new LinkSpec.Bridge("e0")));
        assertEquals("EEXIST", exists.errnoName());
        assertTrue(exists.getMessage().startsWith("add link e0 (bridge) in " + nsA + ": EEXIST"), exists.getMessage());

        NetlinkException mtu = assertThrows(NetlinkException.class, () -> a.linkSetMtu("e0", 10));
        assertEquals("set mtu 10 on e0 in " + nsA + ": EINVAL: mtu less than device minimum", mtu.getMessage());

        NetlinkException missing = assertThrows(NetlinkException.class, () -> a.linkSetUp("nope"));
        assertEquals("ENODEV", missing.errnoName());
        assertTrue(missing.getMessage().startsWith("set link nope up in " + nsA + ": ENODEV"), missing.getMessage());

        NetlinkException badPeerNs = assertThrows(NetlinkException.class,
                () -> a.linkAdd(new LinkSpec.Veth("x0", "x1", Optional.of("nlt-does-not-exist"))));
        assertTrue(badPeerNs.getMessage().contains("ENOENT"), badPeerNs.getMessage());
    }
}
