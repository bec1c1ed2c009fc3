package org.openpe.core.engine;

import org.openpe.l3vni.L3VNI;
import org.openpe.passthrough.L3Passthrough;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpe.api.Reconciler;
import org.openpe.api.ResourceType;
import org.openpe.api.kernel.Address;
import org.openpe.api.kernel.Link;
import org.openpe.api.kernel.LinkKind;
import org.openpe.api.kernel.Netns;
import org.openpe.core.config.ResourceKey;
import org.openpe.core.config.Snapshot;
import org.openpe.core.engine.kernel.InMemoryKernel;
import org.openpe.core.engine.kernel.KernelChange;
import org.openpe.core.engine.kernel.KernelView;
import org.openpe.core.engine.kernel.NicRoute;
import org.openpe.core.engine.kernel.ZebraAddressWatch;
import org.openpe.core.status.InMemoryStatusBoard;
import org.openpe.core.status.ResourceState;
import org.openpe.core.status.ResourceStatus;
import org.openpe.core.validation.TestConfigs;
import org.openpe.frr.FrrInstance;
import org.openpe.frr.ZebraInterface;
import org.openpe.l3vni.L3VniReconciler;
import org.openpe.passthrough.PassthroughReconciler;

/**
 * Whole reconcile passes against the in-memory kernel and a fake FRR: what a pass changes, which
 * resource a failure marks, what it leaves alone while a plugin is awaited, and the NIC's way in
 * and back out.
 */
class ReconciliationTest {

    private static final int NODE_INDEX = 3;
    private static final ResourceKey UNDERLAY = new ResourceKey(ResourceType.UNDERLAY, "default");
    private static final ResourceKey RED = new ResourceKey(L3VNI.TYPE, "red");
    private static final ResourceKey PT = new ResourceKey(L3Passthrough.TYPE, "pt");
    private static final List<String> NIC_ADDRESSES = List.of("192.168.11.3/24");
    private static final List<NicRoute> NIC_ROUTES = List.of(new NicRoute("0.0.0.0/0", Optional.of("192.168.11.1"), 254, 3, 0));

    @TempDir
    Path state;
    private final InMemoryKernel kernel = new InMemoryKernel().withHostNic("toswitch", NIC_ADDRESSES, NIC_ROUTES);
    private final FakeFrr frr = new FakeFrr();
    private Supplier<FrrInstance> frrAccess = () -> frr;
    private final InMemoryStatusBoard board = new InMemoryStatusBoard();
    private final Map<ResourceType, Reconciler> plugins = new HashMap<>(Map.of(L3VNI.TYPE, new L3VniReconciler(),
            L3Passthrough.TYPE, new PassthroughReconciler()));
    private final Map<ResourceType, String> awaited = new HashMap<>();
    private final CandidateRejections rejections = new CandidateRejections();
    private final FrrRefusal frrRefusal = new FrrRefusal();
    private final RememberedContributions remembered = new RememberedContributions();
    private final ZebraAddressWatch zebraWatch = new ZebraAddressWatch();
    private PassTally tally;
    private long revision;

    @Test
    void aPassBringsTheNicInRealisesEveryResourceAndThenReadsEachNamespaceOncePerPass() {
        ReconcileReport first = pass(configured(true, true, false));

        assertEquals(Optional.of(Netns.ROUTER), kernel.locate("toswitch"));
        assertEquals(NIC_ADDRESSES, kernel.addresses(Netns.ROUTER, "toswitch"));
        assertTrue(kernel.link(Netns.ROUTER, "red").map(l -> l.kind() instanceof LinkKind.Vrf).orElse(false));
        assertEquals(ResourceState.APPLIED, status(UNDERLAY).state());
        assertEquals(ResourceState.APPLIED, status(RED).state(), () -> status(RED).message());
        assertEquals(Map.of(UNDERLAY, 1L, RED, 1L), first.appliedGenerations());
        assertTrue(frr.appliedConfig().orElseThrow().vrfRouters().stream().anyMatch(r -> r.vrf().equals(Optional.of("red"))));

        int routerReads = kernel.reads(Netns.ROUTER);
        int hostReads = kernel.reads(Netns.HOST);
        ReconcileReport second = pass(configured(true, true, false));

        assertEquals(List.of(), second.changes(), "a pass in sync changes nothing");
        assertEquals(1, kernel.reads(Netns.ROUTER) - routerReads, "the router namespace is read once per pass");
        assertEquals(1, kernel.reads(Netns.HOST) - hostReads, "the host namespace is read once per pass");
    }

    @Test
    void whileAPluginIsAwaitedAPassOnlyAddsAndLeavesFrrAsItIs() {
        kernel.apply(new KernelChange.CreateLink(Link.of(Netns.ROUTER, "stale0", new LinkKind.Bridge())));
        plugins.remove(L3VNI.TYPE);
        awaited.put(L3VNI.TYPE, "the bundle of the l3vni plugin is stopped");

        ReconcileReport report = pass(configured(true, true, false));

        assertTrue(kernel.link(Netns.ROUTER, "stale0").isPresent(), "nothing OpenPE owns is removed");
        assertEquals(Optional.of(Netns.ROUTER), kernel.locate("toswitch"), "what is missing is added");
        assertEquals(ResourceStatus.pending(1, java.util.OptionalLong.empty(), "the bundle of the l3vni plugin is stopped")
                .reason(), status(RED).reason());
        assertEquals(ResourceState.PENDING, status(UNDERLAY).state());
        assertEquals("nothing is removed while plugins are awaited: l3vni", status(UNDERLAY).message());
        assertEquals(List.of(), frr.applied);
        assertEquals("not applied: waiting for plugins l3vni", report.frr());

        plugins.put(L3VNI.TYPE, new L3VniReconciler());
        awaited.clear();
        pass(configured(true, true, false));

        assertTrue(kernel.link(Netns.ROUTER, "stale0").isEmpty(), "removed once the plugin is back");
        assertEquals(ResourceState.APPLIED, status(RED).state());
    }

    @Test
    void aChangeTheKernelRefusesFailsTheResourceThatDeclaredItAndNoOther() {
        kernel.refusing(c -> c instanceof KernelChange.CreateLink create && create.link().name().equals("red"),
                "Operation not supported");

        ReconcileReport report = pass(configured(true, true, true));

        assertEquals(ResourceState.FAILED, status(RED).state());
        assertTrue(status(RED).message().contains("create vrf red in ROUTER: Operation not supported"),
                () -> status(RED).message());
        assertEquals(ResourceState.APPLIED, status(UNDERLAY).state(), () -> status(UNDERLAY).message());
        assertEquals(ResourceState.APPLIED, status(PT).state(), () -> status(PT).message());
        assertEquals("create vrf red in ROUTER: Operation not supported", report.failures().get("link ROUTER red"));
        assertEquals(Map.of(UNDERLAY, 1L, PT, 1L), report.appliedGenerations());
    }

    @Test
    void aVniFrrRefusesIsRejectedAloneAndLeavesNothingInTheKernel() {
        frr.refusingVrf("red", "% Unknown command: route-target import bogus");

        ReconcileReport report = pass(configured(true, true, false));

        assertEquals(ResourceState.FAILED, status(RED).state());
        assertEquals("FRR refused it: % Unknown command: route-target import bogus", status(RED).message());
        assertEquals(ResourceState.APPLIED, status(UNDERLAY).state());
        assertTrue(kernel.link(Netns.ROUTER, "red").isEmpty(), "its kernel objects are taken away again");
        assertTrue(frr.appliedConfig().orElseThrow().vrfRouters().isEmpty());
        assertEquals(Map.of(UNDERLAY, 1L), report.appliedGenerations());
    }

    @Test
    void withFrrUnavailableTheKernelIsReconciledAndEveryResourceWithAnFrrPartSaysWhy() {
        frrAccess = () -> {
            throw new Reconciliation.FrrUnavailable("FRR cannot start: /usr/bin/vtysh is missing");
        };

        ReconcileReport report = pass(configured(true, true, false));

        assertEquals(Optional.of(Netns.ROUTER), kernel.locate("toswitch"));
        assertTrue(kernel.link(Netns.ROUTER, "red").isPresent());
        assertEquals("failed: FRR cannot start: /usr/bin/vtysh is missing", report.frr());
        for (ResourceKey key : List.of(UNDERLAY, RED)) {
            assertEquals(ResourceState.FAILED, status(key).state());
            assertEquals("FRR cannot start: /usr/bin/vtysh is missing", status(key).message());
        }
        assertEquals(1, tally.frrUnavailable);
        assertEquals(Map.of(), report.appliedGenerations());
    }

    @Test
    void aNicMoveTheKernelRefusesFailsTheUnderlayNamingTheNicAndStaysRecordedForTheNextPass() {
        kernel.refusing(c -> c instanceof KernelChange.MoveLink, "Operation not permitted");

        pass(configured(true, false, false));

        assertEquals(ResourceState.FAILED, status(UNDERLAY).state());
        assertTrue(status(UNDERLAY).message().contains(
                "moving NIC toswitch into the router namespace failed: Operation not permitted"), status(UNDERLAY)::message);
        assertEquals(Optional.of(Netns.HOST), kernel.locate("toswitch"));
        assertEquals(MovedNic.Phase.MOVING_IN, nicState().load().nics().get(0).phase());
    }

    @Test
    void anAddressZebraLostIsReAddedByThePassAndCountedAsARepair() {
        pass(configured(true, false, false));
        Address vtep = new Address(Netns.ROUTER, "lound", "100.65.0.3/32");
        KernelView router = kernel.read(Netns.ROUTER, List.of());
        assertTrue(router.hasAddress(vtep), router::toString);
        frr.zebra = List.of(new ZebraInterface("lound", router.link("lound").orElseThrow().index(), "default", List.of()));
        zebraWatch.due(List.of(vtep), router, frr.zebra, Instant.now().minusSeconds(60)); // zebra lacks it since a minute

        ReconcileReport report = pass(configured(true, false, false));

        assertEquals(List.of("re-add address 100.65.0.3/32 to lound in ROUTER: the kernel has it, zebra lost it"),
                report.changes());
        assertEquals(1, tally.zebraAddressRepairs);
        assertEquals(0, tally.kernelChanges);
        assertTrue(kernel.read(Netns.ROUTER, List.of()).hasAddress(vtep));
    }

    @Test
    void aPassThatDiesBetweenTheMoveAndTheAddressesIsCompletedByTheNextWithTheRecordedAddresses() {
        kernel.beforeEach = step -> {
            if (step.equals("restore toswitch in ROUTER")) {
                throw new InMemoryKernel.Crash(step);
            }
        };
        assertThrows(InMemoryKernel.Crash.class, () -> pass(configured(true, false, false)));
        assertEquals(List.of(), kernel.addresses(Netns.ROUTER, "toswitch"), "the kernel dropped them on the move");
        kernel.beforeEach = step -> {};

        ReconcileReport report = pass(configured(true, false, false));

        assertEquals(NIC_ADDRESSES, kernel.addresses(Netns.ROUTER, "toswitch"));
        assertEquals(MovedNic.Phase.IN, nicState().load().nics().get(0).phase());
        assertEquals(NIC_ROUTES, nicState().load().nics().get(0).routes(), "the host's routes are kept for the hand-back");
        assertTrue(report.changes().get(0).startsWith("complete moving NIC toswitch into perouter"), report.changes()::toString);
        assertEquals(ResourceState.APPLIED, status(UNDERLAY).state());
    }

    @Test
    void removingTheUnderlayHandsTheNicBackWithItsAddressesAndTheHostRoutes() {
        pass(configured(true, false, false));
        assertEquals(Optional.of(Netns.ROUTER), kernel.locate("toswitch"));
        assertEquals(List.of(), kernel.hostRoutes("toswitch"), "the kernel drops them on the move");

        ReconcileReport report = pass(configured(false, false, false));

        assertEquals(Optional.of(Netns.HOST), kernel.locate("toswitch"));
        assertEquals(NIC_ADDRESSES, kernel.addresses(Netns.HOST, "toswitch"));
        assertEquals(NIC_ROUTES, kernel.hostRoutes("toswitch"));
        assertEquals(List.of(), nicState().load().nics());
        assertTrue(report.changes().contains("hand NIC toswitch back to the host with 192.168.11.3/24 and route(s)"
                + " 0.0.0.0/0 via 192.168.11.1"), report.changes()::toString);
        assertEquals(Map.of(), board.all());
    }

    private ReconcileReport pass(Snapshot snapshot) {
        tally = new PassTally();
        return new Reconciliation(snapshot, NODE_INDEX, kernel, frrAccess, new NicHandover(nicState()),
                type -> Optional.ofNullable(plugins.get(type)), Map.copyOf(awaited), board, zebraWatch, rejections,
                frrRefusal, remembered, tally).run();
    }

    private Snapshot configured(boolean underlay, boolean red, boolean passthrough) {
        TestConfigs.Set set = new TestConfigs.Set();
        if (underlay) {
            set.add(ResourceType.UNDERLAY, "default", TestConfigs.underlay());
        }
        if (red) {
            set.add(L3VNI.TYPE, "red", TestConfigs.l3vni(100, "192.169.10.0/24"));
        }
        if (passthrough) {
            set.add(L3Passthrough.TYPE, "pt", TestConfigs.passthrough());
        }
        return new Snapshot(++revision, TestConfigs.node(NODE_INDEX), new ArrayList<>(set.validateAll(NODE_INDEX)));
    }

    private ResourceStatus status(ResourceKey key) {
        return board.status(key).orElseThrow(() -> new AssertionError("no status for " + key));
    }

    private NicStateFile nicState() {
        return new NicStateFile(state.resolve("moved-nics.json"));
    }
}
