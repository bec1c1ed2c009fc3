package org.openpe.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openpe.api.Contribution;
import org.openpe.api.ReconcileException;
import org.openpe.api.Reconciler;
import org.openpe.api.ResourceType;
import org.openpe.api.frr.BgpNeighbor;
import org.openpe.api.frr.BgpRouter;
import org.openpe.api.frr.FrrFragment;
import org.openpe.api.frr.GracefulRestart;
import org.openpe.api.frr.RouteTargets;
import org.openpe.api.frr.VniRouteTargets;
import org.openpe.api.kernel.KernelObject;
import org.openpe.api.kernel.Link;
import org.openpe.api.kernel.LinkKind;
import org.openpe.api.kernel.Netns;
import org.openpe.api.kernel.Sysctl;
import org.openpe.api.model.EVPNConfig;
import org.openpe.api.model.HostSession;
import org.openpe.api.model.LocalCIDRConfig;
import org.openpe.api.model.Neighbor;
import org.openpe.api.model.Resource;
import org.openpe.api.model.Underlay;
import org.openpe.core.config.ResourceKey;
import org.openpe.l2vni.L2VNI;
import org.openpe.l3vni.L3VNI;
import org.openpe.passthrough.L3Passthrough;

class DesiredStateBuilderTest {

    private static final Underlay UNDERLAY = new Underlay("default", 64514, "10.0.0.0/24",
            List.of(Neighbor.of(64512, "192.168.11.2")), List.of("toswitch"), Optional.of(new EVPNConfig("100.65.0.0/24")));
    private static final L3Passthrough PASSTHROUGH = new L3Passthrough("pt",
            new HostSession(64514, 64515, new LocalCIDRConfig(Optional.of("192.169.10.0/24"), Optional.empty())));
    private static final L3VNI RED = new L3VNI("red", Optional.empty(), 100, 4789, Optional.empty());
    private static final L2VNI BLUE = new L2VNI("blue", Optional.of("red"), 110, 4789, Optional.empty(), Optional.empty());

    @Test
    void theUnderlayGivesForwardingTheNicTheVtepAndTheFabricSessions() {
        DesiredState state = build(Map.of(), UNDERLAY);

        assertTrue(state.kernel().contains(new Sysctl(Netns.ROUTER, "net.ipv4.ip_forward", "1")));
        assertTrue(state.kernel().contains(Link.of(Netns.ROUTER, "toswitch", new LinkKind.Existing())));
        assertTrue(state.kernel().contains(new org.openpe.api.kernel.Address(Netns.ROUTER, "lound", "100.65.0.3/32")));
        BgpRouter router = state.frr().defaultRouter().orElseThrow();
        assertEquals("10.0.0.4", router.routerId());
        assertEquals(List.of("100.65.0.3/32"), router.networks());
        BgpNeighbor tor = router.neighbors().get(0);
        assertTrue(tor.allowAsIn() && tor.evpn(), tor::toString);
        assertTrue(router.advertiseAllVni());
    }

    @Test
    void aResourceWithoutItsPluginIsUnsupported() {
        DesiredState state = build(Map.of(), UNDERLAY, PASSTHROUGH);

        assertEquals("no plugin for l3passthrough resources is installed (feature:list shows the OpenPE plugin features)",
                state.unsupported().get(new ResourceKey(L3Passthrough.TYPE, "pt")));
        assertTrue(state.contributed().contains(new ResourceKey(ResourceType.UNDERLAY, "default")));
    }

    @Test
    void whatTheFrrModelRefusesFailsOnlyItsResourceAndNeverEscapes() {
        Neighbor badPassword = new Neighbor(64512, Optional.empty(), "192.168.11.2", Optional.empty(),
                Optional.of("two words"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty());
        Underlay underlay = new Underlay("default", 64514, "10.0.0.0/24", List.of(badPassword), List.of("toswitch"),
                Optional.empty());
        Reconciler plugin = (r, n) -> {
            throw new IllegalArgumentException("a bug in the plugin");
        };

        DesiredState state = build(Map.of(L3VNI.TYPE, plugin), underlay, RED);

        assertEquals("underlay default: cannot be built: password of neighbor 192.168.11.2 must be 1..80 printable"
                + " characters without whitespace", state.failed().get(new ResourceKey(ResourceType.UNDERLAY, "default")));
        assertTrue(state.failed().get(new ResourceKey(L3VNI.TYPE, "red")).contains("a bug in the plugin"));
        assertTrue(state.frr().defaultRouter().isEmpty());
    }

    @Test
    void theUnderlaysGracefulRestartReachesEveryInstanceAndL2RouteTargetsTheDefaultOne() {
        Underlay withGr = new Underlay("default", 64514, "10.0.0.0/24", List.of(Neighbor.of(64512, "192.168.11.2")),
                List.of("toswitch"), Optional.of(new EVPNConfig("100.65.0.0/24")), Optional.of(new GracefulRestart(90, 300)));
        VniRouteTargets l2Targets = new VniRouteTargets(110, new RouteTargets(Optional.empty(), List.of("64512:110"), List.of()));
        Reconciler l3 = (r, n) -> new Contribution(List.of(), new FrrFragment(List.of(), List.of(), List.of(), List.of(),
                List.of(BgpRouter.vrfInstance(64514, "red", "10.0.0.4", List.of(), List.of()))));
        Reconciler l2 = (r, n) -> new Contribution(List.of(), new FrrFragment(List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(l2Targets)));

        DesiredState state = build(Map.of(L3VNI.TYPE, l3, L2VNI.TYPE, l2), withGr, RED, BLUE);

        BgpRouter defaultRouter = state.frr().defaultRouter().orElseThrow();
        assertEquals(Optional.of(new GracefulRestart(90, 300)), defaultRouter.gracefulRestart());
        assertEquals(Optional.of(new GracefulRestart(90, 300)), state.frr().vrfRouters().get(0).gracefulRestart());
        assertEquals(List.of(l2Targets), defaultRouter.vniRouteTargets());
        assertEquals(Optional.empty(), build(Map.of(L3VNI.TYPE, l3), UNDERLAY, RED).frr().vrfRouters().get(0)
                .gracefulRestart());
    }

    @Test
    void pluginsAreToldTheMtuOfTheUnderlaysNic() {
        List<java.util.OptionalInt> told = new java.util.ArrayList<>();
        Reconciler l3 = (r, n) -> {
            told.add(n.underlayMtu());
            return new Contribution(List.of(), FrrFragment.EMPTY);
        };

        new DesiredStateBuilder(3, "perouter", "informational", t -> Optional.of(l3), new VrfTables(Map.of()))
                .withNicMtu(nic -> nic.equals("toswitch") ? java.util.OptionalInt.of(9000) : java.util.OptionalInt.empty())
                .build(List.of(UNDERLAY, RED));
        build(Map.of(L3VNI.TYPE, l3), UNDERLAY, RED);

        assertEquals(List.of(java.util.OptionalInt.of(9000), java.util.OptionalInt.empty()), told);
    }

    @Test
    void pluginNeighborsJoinTheDefaultInstance() {
        Reconciler passthrough = (r, n) -> new Contribution(List.of(),
                new FrrFragment(List.of(), List.of(), List.of(BgpNeighbor.of("192.169.10.5", 64515)),
                        List.of("192.169.10.5/32"), List.of()));

        DesiredState state = build(Map.of(L3Passthrough.TYPE, passthrough), UNDERLAY, PASSTHROUGH);

        BgpRouter router = state.frr().defaultRouter().orElseThrow();
        assertEquals(List.of("192.168.11.2", "192.169.10.5"), router.neighbors().stream().map(BgpNeighbor::address).toList());
        assertTrue(router.networks().contains("192.169.10.5/32"));
    }

    @Test
    void sharedObjectsDeclaredAlikeAreMergedAndOwnedByBoth() {
        KernelObject vrf = Link.of(Netns.ROUTER, "red", new LinkKind.Vrf(1000));
        Reconciler declaresVrf = (r, n) -> new Contribution(List.of(vrf), FrrFragment.EMPTY);

        DesiredState state = build(Map.of(L3VNI.TYPE, declaresVrf, L2VNI.TYPE, declaresVrf),
                UNDERLAY, RED, BLUE);

        assertEquals(1, state.kernel().stream().filter(vrf::equals).count());
        assertEquals(Set.of(new ResourceKey(L3VNI.TYPE, "red"), new ResourceKey(L2VNI.TYPE, "blue")),
                state.owners().get(vrf.key()));
    }

    @Test
    void aConflictingContributionIsRefusedWholeAndTheOtherKept() {
        Reconciler l3 = (r, n) -> new Contribution(List.of(Link.of(Netns.ROUTER, "red", new LinkKind.Vrf(1000))),
                FrrFragment.EMPTY);
        Reconciler l2 = (r, n) -> new Contribution(List.of(
                Link.of(Netns.ROUTER, "br-pe-110", new LinkKind.Bridge()),
                Link.of(Netns.ROUTER, "red", new LinkKind.Vrf(1001))), FrrFragment.EMPTY);

        DesiredState state = build(Map.of(L3VNI.TYPE, l3, L2VNI.TYPE, l2), UNDERLAY, RED, BLUE);

        // types in id order: the l2vni contributes first
        String reason = state.failed().get(new ResourceKey(L3VNI.TYPE, "red"));
        assertTrue(reason.startsWith("l3vni red declares link ROUTER red differently from l2vni blue"), reason);
        assertTrue(state.kernel().stream().anyMatch(o -> o.key().equals("link ROUTER br-pe-110")));
        assertTrue(state.contributed().contains(new ResourceKey(L2VNI.TYPE, "blue")));
    }

    @Test
    void aPluginErrorFailsOnlyThatResource() {
        Reconciler failing = (r, n) -> {
            throw new ReconcileException("l3vni red: CIDR too small");
        };
        Reconciler fine = (r, n) -> new Contribution(List.of(Link.of(Netns.ROUTER, "br-pe-110", new LinkKind.Bridge())),
                FrrFragment.EMPTY);

        DesiredState state = build(Map.of(L3VNI.TYPE, failing, L2VNI.TYPE, fine), UNDERLAY, RED, BLUE);

        assertEquals("l3vni red: CIDR too small", state.failed().get(new ResourceKey(L3VNI.TYPE, "red")));
        assertTrue(state.contributed().contains(new ResourceKey(L2VNI.TYPE, "blue")));
    }

    @Test
    void aDefaultInstanceNeighborWithoutUnderlayIsRefused() {
        Reconciler passthrough = (r, n) -> new Contribution(List.of(),
                new FrrFragment(List.of(), List.of(), List.of(BgpNeighbor.of("192.169.10.2", 64515)), List.of(), List.of()));

        DesiredState state = build(Map.of(L3Passthrough.TYPE, passthrough), PASSTHROUGH);

        assertTrue(state.failed().get(new ResourceKey(L3Passthrough.TYPE, "pt"))
                .endsWith("it needs the default BGP instance, which only a valid underlay provides"));
        assertTrue(state.frr().defaultRouter().isEmpty());
    }

    @Test
    void twoResourcesClaimingOneNeighborAddressCannotBothHaveIt() {
        Reconciler sameNeighbor = (r, n) -> new Contribution(List.of(),
                new FrrFragment(List.of(), List.of(), List.of(BgpNeighbor.of("192.168.11.2", 64515)), List.of(), List.of()));

        DesiredState state = build(Map.of(L3Passthrough.TYPE, sameNeighbor), UNDERLAY, PASSTHROUGH);

        assertTrue(state.failed().get(new ResourceKey(L3Passthrough.TYPE, "pt"))
                .startsWith("l3passthrough pt: its FRR configuration does not fit"));
        assertEquals(1, state.frr().defaultRouter().orElseThrow().neighbors().size());
    }

    private static DesiredState build(Map<ResourceType, Reconciler> plugins, Resource... resources) {
        return new DesiredStateBuilder(3, "perouter", "informational",
                t -> Optional.ofNullable(plugins.get(t)), new VrfTables(Map.of())).build(List.of(resources));
    }
}
