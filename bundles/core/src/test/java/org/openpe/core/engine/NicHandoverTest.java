package org.openpe.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpe.api.kernel.Address;
import org.openpe.api.kernel.Netns;
import org.openpe.core.engine.kernel.InMemoryKernel;
import org.openpe.core.engine.kernel.KernelChange;
import org.openpe.core.engine.kernel.NicRoute;

/** The NIC handover across crashes at every step, a lost or unwritable state file, and hand-back. */
class NicHandoverTest {

    private static final List<String> ADDRESSES = List.of("192.168.11.3/24", "2001:db8:11::3/64");
    private static final List<NicRoute> ROUTES = List.of(
            new NicRoute("0.0.0.0/0", Optional.of("192.168.11.1"), 254, 16, 100),
            new NicRoute("10.20.0.0/16", Optional.of("192.168.11.254"), 254, 4, 0));

    @TempDir
    Path dir;
    private final InMemoryKernel kernel = new InMemoryKernel().withHostNic("toswitch", ADDRESSES, ROUTES);
    private final List<String> changes = new ArrayList<>();

    @Test
    void theHostAddressesAndRoutesAreRecordedBeforeTheNicLeaves() {
        NicStateFile state = state();
        kernel.beforeEach = op -> {
            if (op.startsWith("move")) {
                MovedNic recorded = state.load().nics().get(0);
                assertEquals(MovedNic.Phase.MOVING_IN, recorded.phase());
                assertEquals(ADDRESSES, recorded.addresses());
                assertEquals(ROUTES, recorded.routes());
            }
        };

        NicHandover.Outcome outcome = Handovers.reconcile(new NicHandover(state), kernel, List.of("toswitch"), changes);

        assertEquals(Optional.empty(), outcome.wantedProblem());
        assertEquals(ADDRESSES, kernel.addresses(Netns.ROUTER, "toswitch"));
        assertEquals(MovedNic.Phase.IN, state.load().nics().get(0).phase());
        assertEquals("perouter", state.load().nics().get(0).namespace());
    }

    @Test
    void twoTorsTwoNicsEachMovedAndOneRemovedIsHandedBackAloneWithItsAddresses() {
        List<String> second = List.of("192.168.12.3/24");
        kernel.withHostNic("tor2", second, List.of());

        Handovers.reconcile(new NicHandover(state()), kernel, List.of("toswitch", "tor2"), changes);

        assertEquals(ADDRESSES, kernel.addresses(Netns.ROUTER, "toswitch"));
        assertEquals(second, kernel.addresses(Netns.ROUTER, "tor2"));
        assertEquals(2, state().load().nics().size());
        kernel.steps.clear();

        NicHandover.Outcome outcome = Handovers.reconcile(new NicHandover(state()), kernel, List.of("toswitch"), changes);

        assertEquals(Optional.empty(), outcome.wantedProblem());
        assertEquals(second, kernel.addresses(Netns.HOST, "tor2"), "handed back with its addresses");
        assertEquals(ADDRESSES, kernel.addresses(Netns.ROUTER, "toswitch"), "the other ToR's NIC stays");
        assertTrue(kernel.steps.stream().noneMatch(op -> op.contains("toswitch")), kernel.steps::toString);
        assertEquals(List.of("toswitch"), state().load().nics().stream().map(MovedNic::nic).toList());
    }

    @Test
    void aMissingNicOfTwoIsNamedAndTheOtherIsMovedAnyway() {
        NicHandover.Outcome outcome = Handovers.reconcile(new NicHandover(state()), kernel, List.of("gone0", "toswitch"),
                changes);

        assertEquals(Optional.of("NIC gone0 exists neither in the host namespace nor in perouter"), outcome.wantedProblem());
        assertEquals(ADDRESSES, kernel.addresses(Netns.ROUTER, "toswitch"));
    }

    @Test
    void aCrashAfterTheMoveBeforeTheAddressesIsCompletedByTheNextStartWithTheRecordedAddresses() {
        crashBefore("restore toswitch in ROUTER", List.of("toswitch"));
        assertEquals(List.of(), kernel.addresses(Netns.ROUTER, "toswitch"), "the kernel dropped the addresses");

        Handovers.reconcile(new NicHandover(state()), kernel, List.of("toswitch"), changes);

        assertEquals(ADDRESSES, kernel.addresses(Netns.ROUTER, "toswitch"));
        assertTrue(changes.get(0).startsWith("complete moving NIC toswitch"), changes::toString);
    }

    @Test
    void aCrashBeforeTheMoveAndAnEditThatDropsTheNicLeaveItInTheHostWithItsAddressesAndRoutes() {
        crashBefore("move toswitch to ROUTER", List.of("toswitch"));

        Handovers.reconcile(new NicHandover(state()), kernel, List.of(), changes);

        assertEquals(ADDRESSES, kernel.addresses(Netns.HOST, "toswitch"));
        assertEquals(ROUTES, kernel.hostRoutes("toswitch"));
        assertEquals(List.of(), state().load().nics());
    }

    @Test
    void aCrashAfterTheMoveAndAnEditThatDropsTheNicHandItBackWithTheHostAddressesAndRoutes() {
        crashBefore("restore toswitch in ROUTER", List.of("toswitch"));

        Handovers.reconcile(new NicHandover(state()), kernel, List.of(), changes);

        assertEquals(Optional.of(Netns.HOST), kernel.locate("toswitch"));
        assertEquals(ADDRESSES, kernel.addresses(Netns.HOST, "toswitch"));
        assertEquals(ROUTES, kernel.hostRoutes("toswitch"));
        assertEquals(List.of(), state().load().nics());
    }

    @Test
    void aHandBackRestoresTheHostAddressesAndRoutesAndACrashDuringItIsCompletedToo() {
        Handovers.reconcile(new NicHandover(state()), kernel, List.of("toswitch"), changes);
        kernel.apply(new KernelChange.AddAddress(new Address(Netns.ROUTER, "toswitch", "192.168.11.99/24"))); // added there
        kernel.beforeEach = op -> {
            if (op.equals("restore toswitch in HOST")) {
                throw new IllegalStateException("kernel refuses " + op);
            }
        };
        assertTrue(Handovers.reconcile(new NicHandover(state()), kernel, List.of(), changes).otherProblems().get(0)
                .contains("kernel refuses restore toswitch in HOST"));
        assertEquals(MovedNic.Phase.MOVING_OUT, state().load().nics().get(0).phase());
        kernel.beforeEach = op -> {};

        Handovers.reconcile(new NicHandover(state()), kernel, List.of(), changes);

        assertEquals(ADDRESSES, kernel.addresses(Netns.HOST, "toswitch"));
        assertEquals(ROUTES, kernel.hostRoutes("toswitch"));
        assertEquals(List.of(), state().load().nics());
        assertTrue(changes.get(changes.size() - 1).contains("route(s) 0.0.0.0/0 via 192.168.11.1 metric 100"), changes::toString);
    }

    @Test
    void aNicWantedAgainDuringItsHandBackIsMovedInWithItsRecordedAddresses() {
        Handovers.reconcile(new NicHandover(state()), kernel, List.of("toswitch"), changes);
        kernel.beforeEach = op -> {
            if (op.startsWith("restore toswitch in HOST")) {
                throw new IllegalStateException("kernel refuses " + op);
            }
        };
        Handovers.reconcile(new NicHandover(state()), kernel, List.of(), changes);
        kernel.beforeEach = op -> {};

        Handovers.reconcile(new NicHandover(state()), kernel, List.of("toswitch"), changes);

        assertEquals(ADDRESSES, kernel.addresses(Netns.ROUTER, "toswitch"));
        assertEquals(MovedNic.Phase.IN, state().load().nics().get(0).phase());
        assertEquals(ROUTES, state().load().nics().get(0).routes(), "the host's routes are still known for the hand-back");
    }

    @Test
    void aTruncatedStateFileIsSetAsideWithAWarningAndTheNicInTheRouterNamespaceIsKeptThere() throws Exception {
        Handovers.reconcile(new NicHandover(state()), kernel, List.of("toswitch"), changes);
        Path file = state().path();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        changes.clear();

        NicHandover.Outcome outcome = Handovers.reconcile(new NicHandover(state()), kernel, List.of("toswitch"), changes);

        assertTrue(outcome.otherProblems().get(0).startsWith("cannot read " + file), outcome::toString);
        assertTrue(Files.exists(file.resolveSibling("moved-nics.json.corrupt")));
        assertEquals(ADDRESSES, kernel.addresses(Netns.ROUTER, "toswitch"), "nothing torn down");
        assertEquals(List.of("adopt NIC toswitch, found in perouter unrecorded, with 192.168.11.3/24, 2001:db8:11::3/64"),
                changes);
        assertEquals(MovedNic.Phase.IN, state().load().nics().get(0).phase());
    }

    @Test
    void aStateThatCannotBeWrittenLeavesTheNicInTheHostAndSaysWhy() throws Exception {
        Path blocked = dir.resolve("not-a-directory");
        Files.writeString(blocked, "a file where the state directory should be");

        NicHandover.Outcome outcome = Handovers.reconcile(new NicHandover(new NicStateFile(blocked.resolve("moved-nics.json"))),
                kernel, List.of("toswitch"), changes);

        assertTrue(outcome.wantedProblem().orElseThrow().startsWith("NIC toswitch not moved into perouter: cannot write "),
                outcome::toString);
        assertEquals(ADDRESSES, kernel.addresses(Netns.HOST, "toswitch"));
        assertEquals(List.of(), kernel.steps);
    }

    @Test
    void aNicRecordedInAnotherNamespaceIsLeftAloneAndNamed() {
        state().save(List.of(new MovedNic("eth9", "oldns", MovedNic.Phase.IN, List.of("10.0.0.1/24"), List.of())));

        NicHandover.Outcome outcome = Handovers.reconcile(new NicHandover(state()), kernel, List.of(), changes);

        assertTrue(outcome.otherProblems().get(0).startsWith("NIC eth9 was moved into namespace oldns"), outcome::toString);
        assertEquals(1, state().load().nics().size());
        assertEquals(List.of(), kernel.steps);
    }

    private void crashBefore(String operation, List<String> wanted) {
        kernel.beforeEach = op -> {
            if (op.equals(operation)) {
                throw new InMemoryKernel.Crash(op);
            }
        };
        assertThrows(InMemoryKernel.Crash.class, () -> Handovers.reconcile(new NicHandover(state()), kernel, wanted, changes));
        kernel.beforeEach = op -> {};
    }

    private NicStateFile state() {
        return new NicStateFile(dir.resolve("moved-nics.json"));
    }
}
