package org.openpe.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpe.core.validation.TestConfigs;

class EtcApplyTest {

    private static final String RED = "org.openpe.l3vni-red.cfg";
    private static final String BLUE = "org.openpe.l3vni-blue.cfg";
    private static final ResourceFiles ONLY_BLUE = new ResourceFiles(Map.of(BLUE, "vni = 200\n"));

    @TempDir
    Path root;

    private Path etc;
    private Path state;
    private final List<Map<String, Map<String, Object>>> batches = new ArrayList<>();
    private final List<EtcApply> started = new ArrayList<>();

    @BeforeEach
    void etcWithRed() throws Exception {
        etc = Files.createDirectories(root.resolve("etc"));
        state = root.resolve("state/" + EtcApply.STATE_FILE);
        Files.writeString(etc.resolve(RED), "vni = 100\n");
        Files.writeString(etc.resolve("org.openpe.node.cfg"), "nodeIndex = 1\n");
        Files.writeString(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort = 8101\n");
    }

    @AfterEach
    void stopTimers() {
        started.forEach(EtcApply::deactivate);
    }

    @Test
    void replacesOnlyTheResourceFilesAsOneBatch() throws Exception {
        start().apply(ONLY_BLUE, "/new", Optional.empty());

        assertEquals("vni = 200\n", Files.readString(etc.resolve(BLUE)));
        assertFalse(Files.exists(etc.resolve(RED)));
        assertTrue(Files.exists(etc.resolve("org.openpe.node.cfg")));
        assertTrue(Files.exists(etc.resolve("org.apache.karaf.shell.cfg")));
        assertEquals(List.of(Map.of(BLUE, Map.of("vni", "200"))), batches);
        assertFalse(Files.exists(state));
    }

    @Test
    void anUnconfirmedChangeRollsBackAtItsDeadline() throws Exception {
        EtcApply apply = start();
        apply.apply(ONLY_BLUE, "/new", Optional.of(Duration.ofMillis(400)));

        assertTrue(apply.pending().isPresent());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
        assertTrue(Files.exists(etc.resolve(BLUE)));

        await(() -> Files.exists(etc.resolve(RED)) && !Files.exists(etc.resolve(BLUE)), "the previous files back");
        assertEquals("vni = 100\n", Files.readString(etc.resolve(RED)));
        assertTrue(apply.pending().isEmpty());
        assertFalse(Files.exists(state));
        assertEquals(Map.of(RED, Map.of("vni", "100")), batches.get(1));
    }

    @Test
    void aConfirmedChangeStays() throws Exception {
        EtcApply apply = start();
        apply.apply(ONLY_BLUE, "/new", Optional.of(Duration.ofMillis(300)));

        assertTrue(apply.confirm());

        Thread.sleep(600); // past the deadline: nothing may happen
        assertTrue(Files.exists(etc.resolve(BLUE)));
        assertFalse(Files.exists(etc.resolve(RED)));
        assertFalse(Files.exists(state));
        assertFalse(apply.confirm(), "nothing is pending any more");
    }

    @Test
    void aPendingConfirmationSurvivesARestartAndRollsBackAtItsDeadline() throws Exception {
        EtcApply before = start();
        before.apply(ONLY_BLUE, "/new", Optional.of(Duration.ofSeconds(1)));
        Instant deadline = before.pending().orElseThrow().deadline();
        before.deactivate();

        EtcApply after = start();

        assertEquals(Optional.of(deadline), after.pending().map(EtcApply.Pending::deadline));
        assertEquals("/new", after.pending().orElseThrow().appliedFrom());
        await(() -> Files.exists(etc.resolve(RED)) && !Files.exists(etc.resolve(BLUE)), "the previous files back");
        assertTrue(Instant.now().isAfter(deadline));
    }

    @Test
    void anotherApplyIsRefusedWhileAConfirmationIsPending() throws Exception {
        EtcApply apply = start();
        apply.apply(ONLY_BLUE, "/new", Optional.of(Duration.ofMinutes(5)));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> apply.apply(new ResourceFiles(Map.of()), "/other", Optional.empty()));

        assertTrue(refused.getMessage().contains("/new awaits confirmation"), refused.getMessage());
        assertTrue(Files.exists(etc.resolve(BLUE)));
    }

    private EtcApply start() {
        EtcApply apply = new EtcApply(new RecordingStore(), etc, state);
        started.add(apply);
        return apply;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Records the batches announced to the tracker. */
    private final class RecordingStore implements ResourceStore {
        @Override
        public Snapshot current() {
            return new Snapshot(1, TestConfigs.node(1), List.of());
        }

        @Override
        public Snapshot revalidate() {
            return current();
        }

        @Override
        public void markApplied(Map<ResourceKey, Long> generations) {}

        @Override
        public CompletableFuture<Snapshot> publishAsOne(Map<String, Map<String, Object>> resourceFiles, Instant deadline) {
            batches.add(resourceFiles);
            return CompletableFuture.completedFuture(current());
        }

        @Override
        public void addListener(SnapshotListener listener) {}

        @Override
        public void removeListener(SnapshotListener listener) {}
    }
}
