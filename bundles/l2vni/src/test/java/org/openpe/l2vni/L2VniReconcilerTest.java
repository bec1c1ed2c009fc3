package org.openpe.l2vni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.openpe.api.frr.FrrFragment;
import org.openpe.api.frr.RouteTargets;
import org.openpe.api.frr.VniRouteTargets;
import org.openpe.api.kernel.Address;
import org.openpe.api.kernel.KernelObject;
import org.openpe.api.kernel.Link;
import org.openpe.api.kernel.LinkKind;
import org.openpe.api.kernel.Netns;
import org.openpe.api.kernel.Route;

class L2VniReconcilerTest {

    private static final Optional<String> NONE = Optional.empty();
    private static final Optional<HostMaster> AUTOCREATE = Optional.of(new HostMaster(NONE, HostMaster.BRIDGE, true));

    private final L2VniReconciler reconciler = new L2VniReconciler();

    @Test
    void withGatewayAndAutocreatedHostBridgeDeclaresExactlyTheseObjects() throws Exception {
        Contribution c = reconciler.contribute(l2vni(AUTOCREATE, Optional.of("192.171.24.1/24")), TestNode.index(0));

        assertKernel(Set.of(
                new Link(Netns.ROUTER, "red", new LinkKind.Vrf(1001), NONE, NONE, true, false, false),
                new Route(Netns.ROUTER, "red", "0.0.0.0/0"),
                new Route(Netns.ROUTER, "red", "::/0"),
                new Link(Netns.ROUTER, "br-pe-110", new LinkKind.Bridge(), Optional.of("red"),
                        Optional.of("00:f3:00:00:00:6f"), true, true, false),
                new Address(Netns.ROUTER, "br-pe-110", "192.171.24.1/24"),
                new Link(Netns.ROUTER, "vni110", new LinkKind.Vxlan(110, ip("100.65.0.0"), 4789, "lound"),
                        Optional.of("br-pe-110"), NONE, true, true, true),
                new Link(Netns.ROUTER, "pe-110", new LinkKind.Veth("host-110", Netns.HOST), Optional.of("br-pe-110"),
                        NONE, true, false, false),
                new Link(Netns.HOST, "br-hs-110", new LinkKind.Bridge(), NONE, NONE, true, false, false),
                new Link(Netns.HOST, "host-110", new LinkKind.Veth("pe-110", Netns.ROUTER), Optional.of("br-hs-110"),
                        NONE, true, false, false)), c);
        assertEquals(FrrFragment.EMPTY, c.frr());
    }

    @Test
    void aPureL2VniBridgesHostLegAndVxlanInNoVrf() throws Exception {
        L2VNI l2vni = new L2VNI("plain", NONE, 130, 4789, AUTOCREATE, NONE, RouteTargets.AUTO, true);

        Contribution c = reconciler.contribute(l2vni, TestNode.index(0));

        assertKernel(Set.of(
                new Link(Netns.ROUTER, "br-pe-130", new LinkKind.Bridge(), NONE, NONE, true, true, false),
                new Link(Netns.ROUTER, "vni130", new LinkKind.Vxlan(130, ip("100.65.0.0"), 4789, "lound"),
                        Optional.of("br-pe-130"), NONE, true, true, true),
                new Link(Netns.ROUTER, "pe-130", new LinkKind.Veth("host-130", Netns.HOST), Optional.of("br-pe-130"),
                        NONE, true, false, false),
                new Link(Netns.HOST, "br-hs-130", new LinkKind.Bridge(), NONE, NONE, true, false, false),
                new Link(Netns.HOST, "host-130", new LinkKind.Veth("pe-130", Netns.ROUTER), Optional.of("br-hs-130"),
                        NONE, true, false, false)), c);
        assertEquals(FrrFragment.EMPTY, c.frr());
    }

    @Test
    void theVnisDevicesTakeTheNicsMtuLessTheVxlanOverhead() throws Exception {
        Contribution c = reconciler.contribute(l2vni(AUTOCREATE, Optional.of("192.171.24.1/24")), TestNode.withNicMtu(9000));

        for (String name : List.of("br-pe-110", "vni110", "pe-110", "host-110")) {
            assertEquals(Optional.of(8950), link(c, name).mtu(), name);
        }
        assertEquals(Optional.empty(), link(c, "br-hs-110").mtu(), "the host bridge follows its ports");
        assertEquals(Optional.empty(), link(reconciler.contribute(l2vni(AUTOCREATE, NONE), TestNode.index(0)), "vni110").mtu(),
                "no NIC known: the kernel's default");
    }

    @Test
    void routeTargetsBecomeTheVnisBlockInTheDefaultInstance() throws Exception {
        RouteTargets rts = new RouteTargets(Optional.empty(), List.of("64512:110"), List.of("64512:110"));
        L2VNI l2vni = new L2VNI("red110", Optional.of("red"), 110, 4789, Optional.empty(), Optional.empty(), rts, false);

        Contribution c = reconciler.contribute(l2vni, TestNode.index(0));

        assertEquals(List.of(new VniRouteTargets(110, rts)), c.frr().vniRouteTargets());
        assertEquals(List.of(), c.frr().vrfRouters());
    }

    @Test
    void theVxlanUsesThisNodesVtepAndTheConfiguredPort() throws Exception {
        L2VNI l2vni = new L2VNI("red110", Optional.of("red"), 110, 4790, Optional.empty(), Optional.empty());

        Contribution c = reconciler.contribute(l2vni, TestNode.index(1));

        assertEquals(new LinkKind.Vxlan(110, ip("100.65.0.1"), 4790, "lound"), link(c, "vni110").kind());
    }

    @Test
    void aNamedHostMasterOnlyEnslavesTheHostLegAndIsNotDeclared() throws Exception {
        Optional<HostMaster> named = Optional.of(new HostMaster(Optional.of("hostbr0"), HostMaster.BRIDGE, false));

        Contribution c = reconciler.contribute(l2vni(named, Optional.empty()), TestNode.index(0));

        assertEquals(Optional.of("hostbr0"), link(c, "host-110").master());
        assertEquals(List.of("host-110"), hostLinkNames(c));
    }

    @Test
    void withoutHostMasterTheHostLegIsLeftAlone() throws Exception {
        Contribution c = reconciler.contribute(l2vni(Optional.empty(), Optional.empty()), TestNode.index(0));

        assertEquals(NONE, link(c, "host-110").master());
        assertEquals(List.of("host-110"), hostLinkNames(c));
    }

    @Test
    void withoutGatewayTheBridgeHasNoAddressAndNoFixedMacAndTheVethLegsHaveNoAddresses() throws Exception {
        Contribution c = reconciler.contribute(l2vni(AUTOCREATE, Optional.empty()), TestNode.index(0));

        assertEquals(NONE, link(c, "br-pe-110").mac());
        assertFalse(c.kernel().stream().anyMatch(Address.class::isInstance), c.kernel().toString());
    }

    @Test
    void anIpv6GatewayIsDeclaredInCanonicalForm() throws Exception {
        Contribution c = reconciler.contribute(l2vni(Optional.empty(), Optional.of("2001:DB8:24:0::1/64")),
                TestNode.index(0));

        assertTrue(c.kernel().contains(new Address(Netns.ROUTER, "br-pe-110", "2001:db8:24::1/64")), c.kernel().toString());
    }

    @Test
    void withoutVrfFieldTheVrfIsTheResourceName() throws Exception {
        L2VNI l2vni = new L2VNI("blue", NONE, 110, EvpnFields.DEFAULT_VXLAN_PORT, Optional.empty(), Optional.empty());

        Contribution c = reconciler.contribute(l2vni, TestNode.index(0));

        assertEquals(new LinkKind.Vrf(1002), link(c, "blue").kind());
        assertEquals(Optional.of("blue"), link(c, "br-pe-110").master());
        assertTrue(c.kernel().contains(new Route(Netns.ROUTER, "blue", "0.0.0.0/0")));
        assertTrue(c.kernel().contains(new Route(Netns.ROUTER, "blue", "::/0")));
    }

    @Test
    void theGatewayMacIs00f3FollowedByVniPlusOneBigEndian() {
        assertEquals("00:f3:00:00:00:65", AnycastGateway.mac(100));
        assertEquals("00:f3:00:00:00:6f", AnycastGateway.mac(110));
        assertEquals("00:f3:00:00:01:00", AnycastGateway.mac(255));
        assertEquals("00:f3:00:01:00:00", AnycastGateway.mac(65535));
        assertEquals("00:f3:01:00:00:00", AnycastGateway.mac(16777215));
    }

    @Test
    void withoutUnderlayOrEvpnItFailsNamingTheResource() {
        TestNode noUnderlay = TestNode.withoutUnderlay();
        ReconcileException missing = assertThrows(ReconcileException.class,
                () -> reconciler.contribute(l2vni(AUTOCREATE, Optional.empty()), noUnderlay));
        ReconcileException noEvpn = assertThrows(ReconcileException.class,
                () -> reconciler.contribute(l2vni(AUTOCREATE, Optional.empty()), TestNode.withoutEvpn()));

        assertEquals("l2vni red110: there is no valid underlay; a VNI needs one with evpn.vtepcidr",
                missing.getMessage());
        assertEquals("l2vni red110: underlay default has no evpn section; a VNI needs evpn.vtepcidr",
                noEvpn.getMessage());
        assertEquals(List.of(), noUnderlay.tablesAsked, "a failed resource must not get a VRF table allocated");
    }

    @Test
    void aVtepCidrTooSmallForTheNodeFailsNamingResourceFieldCidrAndIndex() {
        ReconcileException e = assertThrows(ReconcileException.class, () -> reconciler.contribute(
                l2vni(AUTOCREATE, Optional.empty()), TestNode.withVtepCidr(2, "100.65.0.0/31")));

        assertTrue(e.getMessage().startsWith("l2vni red110: underlay default evpn.vtepcidr 100.65.0.0/31: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("node index 2"), e.getMessage());
    }

    @Test
    void aGatewayWithoutPrefixFailsNamingResourceFieldAndValue() {
        TestNode node = TestNode.index(0);
        ReconcileException e = assertThrows(ReconcileException.class,
                () -> reconciler.contribute(l2vni(AUTOCREATE, Optional.of("192.171.24.1")), node));

        assertTrue(e.getMessage().startsWith("l2vni red110: l2gatewayip '192.171.24.1': "), e.getMessage());
        assertEquals(List.of(), node.tablesAsked, "a failed resource must not get a VRF table allocated");
    }

    @Test
    void aHostMasterWithNeitherNameNorAutocreateFailsNamingTheFields() {
        Optional<HostMaster> empty = Optional.of(new HostMaster(NONE, HostMaster.BRIDGE, false));

        ReconcileException e = assertThrows(ReconcileException.class,
                () -> reconciler.contribute(l2vni(empty, Optional.empty()), TestNode.index(0)));

        assertEquals("l2vni red110: hostmaster needs either hostmaster.name or hostmaster.autocreate = true",
                e.getMessage());
    }

    private static L2VNI l2vni(Optional<HostMaster> hostMaster, Optional<String> gateway) {
        return new L2VNI("red110", Optional.of("red"), 110, EvpnFields.DEFAULT_VXLAN_PORT, hostMaster, gateway);
    }

    /** The contribution holds exactly {@code expected}, each once. */
    private static void assertKernel(Set<KernelObject> expected, Contribution c) {
        assertEquals(expected, Set.copyOf(c.kernel()));
        assertEquals(expected.size(), c.kernel().size(), "duplicate declarations: " + c.kernel());
    }

    private static List<String> hostLinkNames(Contribution c) {
        return c.kernel().stream().filter(Link.class::isInstance).map(Link.class::cast)
                .filter(l -> l.netns() == Netns.HOST).map(Link::name).toList();
    }

    private static Link link(Contribution c, String name) {
        return c.kernel().stream().filter(Link.class::isInstance).map(Link.class::cast)
                .filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }
}
