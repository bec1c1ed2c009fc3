package org.openpe.l3vni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openpe.api.Contribution;
import org.openpe.api.ReconcileException;
import org.openpe.api.definition.EvpnFields;
import org.openpe.api.frr.BgpNeighbor;
import org.openpe.api.frr.BgpRouter;
import org.openpe.api.frr.FrrFragment;
import org.openpe.api.frr.RouteTargets;
import org.openpe.api.frr.VrfVni;
import org.openpe.api.kernel.Address;
import org.openpe.api.kernel.KernelObject;
import org.openpe.api.kernel.Link;
import org.openpe.api.kernel.LinkKind;
import org.openpe.api.kernel.Netns;
import org.openpe.api.kernel.Route;
import org.openpe.api.model.HostSession;
import org.openpe.api.model.LocalCIDRConfig;
import org.openpe.api.model.PeerType;

class L3VniReconcilerTest {

    private static final Optional<String> NONE = Optional.empty();

    private final L3VniReconciler reconciler = new L3VniReconciler();

    @Test
    void withoutHostSessionDeclaresExactlyTheVrfItsRoutesTheBridgeAndTheVxlan() throws Exception {
        Contribution c = reconciler.contribute(l3vni("red", NONE, Optional.empty()), TestNode.index(0));

        assertKernel(Set.of(
                new Link(Netns.ROUTER, "red", new LinkKind.Vrf(1001), NONE, NONE, true, false, false),
                new Route(Netns.ROUTER, "red", "0.0.0.0/0"),
                new Route(Netns.ROUTER, "red", "::/0"),
                new Link(Netns.ROUTER, "br-pe-100", new LinkKind.Bridge(), Optional.of("red"), NONE, true, true, false),
                new Link(Netns.ROUTER, "vni100", new LinkKind.Vxlan(100, ip("100.65.0.0"), 4789, "lound"),
                        Optional.of("br-pe-100"), NONE, true, true, true)), c);
    }

    @Test
    void theVxlanUsesThisNodesVtepAndTheConfiguredPort() throws Exception {
        L3VNI l3vni = new L3VNI("red", NONE, 100, 4790, Optional.empty());

        Contribution c = reconciler.contribute(l3vni, TestNode.index(1));

        assertEquals(new LinkKind.Vxlan(100, ip("100.65.0.1"), 4790, "lound"), link(c, "vni100").kind());
    }

    @Test
    void theVrfIsTheVrfFieldWhenSetElseTheResourceName() throws Exception {
        Contribution named = reconciler.contribute(l3vni("blue", NONE, Optional.empty()), TestNode.index(0));
        Contribution explicit = reconciler.contribute(l3vni("tenant1", Optional.of("red"), Optional.empty()),
                TestNode.index(0));

        assertEquals(new LinkKind.Vrf(1002), link(named, "blue").kind());
        assertEquals(Optional.of("blue"), link(named, "br-pe-100").master());
        assertEquals(new LinkKind.Vrf(1001), link(explicit, "red").kind());
        assertEquals(List.of(new VrfVni("red", 100)), explicit.frr().vrfVnis());
        assertEquals(Optional.of("red"), explicit.frr().vrfRouters().get(0).vrf());
    }

    @Test
    void aHostSessionAddsTheVethPairInTheVrfWithThisNodesAddresses() throws Exception {
        Contribution c = reconciler.contribute(l3vni("red", NONE, session("192.169.10.0/24", "2001:db8:10::/64")),
                TestNode.index(0));

        assertKernel(Set.of(
                new Link(Netns.ROUTER, "red", new LinkKind.Vrf(1001), NONE, NONE, true, false, false),
                new Route(Netns.ROUTER, "red", "0.0.0.0/0"),
                new Route(Netns.ROUTER, "red", "::/0"),
                new Link(Netns.ROUTER, "br-pe-100", new LinkKind.Bridge(), Optional.of("red"), NONE, true, true, false),
                new Link(Netns.ROUTER, "vni100", new LinkKind.Vxlan(100, ip("100.65.0.0"), 4789, "lound"),
                        Optional.of("br-pe-100"), NONE, true, true, true),
                new Link(Netns.ROUTER, "pe-100", new LinkKind.Veth("host-100", Netns.HOST), Optional.of("red"), NONE,
                        true, false, false),
                new Link(Netns.HOST, "host-100", new LinkKind.Veth("pe-100", Netns.ROUTER), NONE, NONE,
                        true, false, false),
                new Address(Netns.ROUTER, "pe-100", "192.169.10.1/24"),
                new Address(Netns.HOST, "host-100", "192.169.10.2/24"),
                new Address(Netns.ROUTER, "pe-100", "2001:db8:10::1/64"),
                new Address(Netns.HOST, "host-100", "2001:db8:10::2/64")), c);
    }

    @Test
    void theHostSideAddressDependsOnTheNodeIndexTheRouterSideDoesNot() throws Exception {
        Contribution c = reconciler.contribute(l3vni("red", NONE, session("192.169.10.0/24", null)), TestNode.index(3));

        assertTrue(c.kernel().contains(new Address(Netns.ROUTER, "pe-100", "192.169.10.1/24")));
        assertTrue(c.kernel().contains(new Address(Netns.HOST, "host-100", "192.169.10.5/24")));
        assertEquals(List.of("192.169.10.5"), c.frr().vrfRouters().get(0).neighbors().stream()
                .map(BgpNeighbor::address).toList());
    }

    @Test
    void withAHostSessionTheVrfInstancePeersWithTheHostAndExportsEvpnType5() throws Exception {
        Contribution c = reconciler.contribute(l3vni("red", NONE, session("192.169.10.0/24", "2001:db8:10::/64")),
                TestNode.index(0));

        BgpRouter expected = new BgpRouter(64600, Optional.of("red"), "10.0.0.1",
                List.of(hostNeighbor("192.169.10.2"), hostNeighbor("2001:db8:10::2")),
                List.of("192.169.10.2/32", "2001:db8:10::2/128"), false, true);
        assertEquals(new FrrFragment(List.of(new VrfVni("red", 100)), List.of(), List.of(), List.of(),
                List.of(expected)), c.frr());
    }

    @Test
    void withoutHostSessionTheVrfInstanceUsesTheUnderlayAsnAndHasNoNeighbors() throws Exception {
        Contribution c = reconciler.contribute(l3vni("red", NONE, Optional.empty()), TestNode.index(1));

        BgpRouter expected = new BgpRouter(TestNode.UNDERLAY_ASN, Optional.of("red"), "10.0.0.2", List.of(), List.of(),
                false, true);
        assertEquals(new FrrFragment(List.of(new VrfVni("red", 100)), List.of(), List.of(), List.of(),
                List.of(expected)), c.frr());
    }

    @Test
    void routeTargetsGoToTheVrfInstanceAndAHostTypeToItsHostNeighbor() throws Exception {
        RouteTargets rts = new RouteTargets(Optional.of("10.0.0.1:100"), List.of("64512:100"), List.of("64512:100"));
        HostSession internal = new HostSession(64600, 0,
                new LocalCIDRConfig(Optional.of("192.169.10.0/24"), Optional.empty()), Optional.of(PeerType.INTERNAL));
        L3VNI l3vni = new L3VNI("red", NONE, 100, 4789, Optional.of(internal), rts);

        BgpRouter router = reconciler.contribute(l3vni, TestNode.index(0)).frr().vrfRouters().get(0);

        assertEquals(rts, router.routeTargets());
        assertEquals("remote-as internal", "remote-as " + router.neighbors().get(0).remoteAsWord());
        assertEquals(Optional.of(PeerType.INTERNAL), router.neighbors().get(0).peerType());
    }

    @Test
    void withoutUnderlayItFailsNamingTheResource() {
        ReconcileException e = assertThrows(ReconcileException.class,
                () -> reconciler.contribute(l3vni("red", NONE, Optional.empty()), TestNode.withoutUnderlay()));

        assertEquals("l3vni red: there is no valid underlay; a VNI needs one with evpn.vtepcidr", e.getMessage());
    }

    @Test
    void withoutEvpnItFailsNamingTheResourceAndTheUnderlay() {
        ReconcileException e = assertThrows(ReconcileException.class,
                () -> reconciler.contribute(l3vni("red", NONE, Optional.empty()), TestNode.withoutEvpn()));

        assertEquals("l3vni red: underlay default has no evpn section; a VNI needs evpn.vtepcidr", e.getMessage());
    }

    @Test
    void aVtepCidrTooSmallForTheNodeFailsNamingResourceFieldCidrAndIndex() {
        ReconcileException e = assertThrows(ReconcileException.class,
                () -> reconciler.contribute(l3vni("red", NONE, Optional.empty()),
                        TestNode.withVtepCidr(2, "100.65.0.0/31")));

        assertTrue(e.getMessage().startsWith("l3vni red: underlay default evpn.vtepcidr 100.65.0.0/31: "), e.getMessage());
        assertTrue(e.getMessage().contains("node index 2"), e.getMessage());
    }

    @Test
    void aRouterIdCidrTooSmallForTheNodeFailsNamingResourceFieldCidrAndIndex() {
        ReconcileException e = assertThrows(ReconcileException.class,
                () -> reconciler.contribute(l3vni("red", NONE, Optional.empty()),
                        TestNode.withRouterIdCidr(1, "10.0.0.0/31")));

        assertTrue(e.getMessage().startsWith("l3vni red: underlay default routeridcidr 10.0.0.0/31: "), e.getMessage());
        assertTrue(e.getMessage().contains("node index 1"), e.getMessage());
    }

    @Test
    void aLocalCidrTooSmallForTheNodeFailsNamingResourceFieldCidrAndIndex() {
        TestNode node = TestNode.index(5);
        ReconcileException v4 = assertThrows(ReconcileException.class, () -> reconciler.contribute(
                l3vni("red", NONE, session("192.169.10.0/30", null)), node));
        ReconcileException v6 = assertThrows(ReconcileException.class, () -> reconciler.contribute(
                l3vni("red", NONE, session("192.169.10.0/24", "2001:db8:10::/126")), TestNode.index(5)));

        assertTrue(v4.getMessage().startsWith("l3vni red: hostsession.localcidr.ipv4 192.169.10.0/30: "), v4.getMessage());
        assertTrue(v4.getMessage().contains("node index 5"), v4.getMessage());
        assertTrue(v6.getMessage().startsWith("l3vni red: hostsession.localcidr.ipv6 2001:db8:10::/126: "), v6.getMessage());
        assertTrue(v6.getMessage().contains("node index 5"), v6.getMessage());
        assertEquals(List.of(), node.tablesAsked, "a failed resource must not get a VRF table allocated");
    }

    private static L3VNI l3vni(String name, Optional<String> vrf, Optional<HostSession> session) {
        return new L3VNI(name, vrf, 100, EvpnFields.DEFAULT_VXLAN_PORT, session);
    }

    private static Optional<HostSession> session(String v4, String v6) {
        return Optional.of(new HostSession(64600, 64515,
                new LocalCIDRConfig(Optional.ofNullable(v4), Optional.ofNullable(v6))));
    }

    private static BgpNeighbor hostNeighbor(String address) {
        return new BgpNeighbor(address, 64515, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                false, Optional.empty(), false, Optional.empty(), false, false, true);
    }

    /** The contribution holds exactly {@code expected}, each once. */
    private static void assertKernel(Set<KernelObject> expected, Contribution c) {
        assertEquals(expected, Set.copyOf(c.kernel()));
        assertEquals(expected.size(), c.kernel().size(), "duplicate declarations: " + c.kernel());
    }

    private static Link link(Contribution c, String name) {
        return c.kernel().stream().filter(Link.class::isInstance).map(Link.class::cast)
                .filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }
}
