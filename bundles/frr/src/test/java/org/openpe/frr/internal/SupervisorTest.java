package org.openpe.frr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openpe.frr.DaemonState;
import org.openpe.frr.FrrSettings;
import org.openpe.testsupport.ShutdownCleanup;

/**
 * M1 against the real FRR daemons of a throw-away namespace: a daemon killed right after each start
 * is restarted after a growing, capped back-off that its state shows (zebra with every other
 * daemon); a daemon stopped with SIGSTOP
 * (alive, mute) is killed and restarted once it has not answered on its vty socket for the bound.
 * The policy's durations are shortened so that the test takes seconds.
 */
@Tag("frr")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisorTest {

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(4);
    private static final Duration HUNG_AFTER = Duration.ofSeconds(3);
    private static final Supervisor.Policy POLICY = new Supervisor.Policy(Duration.ofMillis(200), Duration.ofSeconds(60),
            FIRST_BACKOFF, MAX_BACKOFF, Duration.ofMillis(500), Duration.ofMillis(500), HUNG_AFTER);
    /** Scheduling slack on a shared 2-core machine: polls, a daemon's start, the vty socket appearing. */
    private static final Duration SLACK = Duration.ofSeconds(3);

    private FrrSettings settings;
    private Daemons daemons;
    private Supervisor supervisor;
    /** The pid each daemon was last restarted as, told once the supervisor's start has returned. */
    private final Map<String, Long> restartedAs = new ConcurrentHashMap<>();
    private final Supervisor.Events events = new Supervisor.Events() {
        @Override
        public void restarted(String daemon, long pid) {
            restartedAs.put(daemon, pid);
        }

        @Override
        public void restartFailed(String daemon, String reason) {
        }

        @Override
        public void configurationLost() {
        }
    };

    @BeforeAll
    void startDaemons() {
        FrrTestSupport.assumeFrrAvailable();
        settings = FrrSettings.forNamespace(FrrTestSupport.uniqueName("fsv-"));
        FrrTestSupport.createNamespace(settings);
        new Layout(settings).prepare();
        daemons = new Daemons(settings, DaemonScope.none());
        for (String daemon : Daemons.NAMES) {
            daemons.start(daemon);
        }
    }

    @BeforeEach
    void supervise() {
        supervisor = new Supervisor(settings.pathspace(), daemons, events, POLICY,
                (daemon, timeout) -> VtyProbe.answers(daemons.vtySocket(daemon), timeout), new DaemonActivity());
        supervisor.start();
    }

    @AfterEach
    void stopSupervising() {
        if (supervisor != null) {
            supervisor.close();
            ShutdownCleanup.forget(supervisor);
        }
    }

    @AfterAll
    void destroy() {
        if (settings != null) {
            FrrTestSupport.destroy(settings);
        }
    }

    /** 65536 where the test may raise the hard limit (root with CAP_SYS_RESOURCE), else this JVM's hard limit. */
    @Test
    void everyDaemonRunsWithTheOpenFileLimitThousandsOfVrfsNeed() throws Exception {
        long ownHard = openFiles(Path.of("/proc/self/limits")).get(1);
        for (String daemon : Daemons.NAMES) {
            long pid = daemons.runningPid(daemon).orElseThrow();
            List<Long> softAndHard = openFiles(Path.of("/proc", Long.toString(pid), "limits"));
            assertEquals(softAndHard.get(0), softAndHard.get(1), daemon + "'s soft and hard limit");
            assertTrue(softAndHard.get(0) == Daemons.OPEN_FILES || softAndHard.get(0) == ownHard && ownHard < Daemons.OPEN_FILES,
                    daemon + " may open " + softAndHard + " files, this JVM at most " + ownHard);
        }
    }

    private static List<Long> openFiles(Path limits) throws IOException {
        String line = Files.readString(limits).lines().filter(l -> l.startsWith("Max open files")).findFirst().orElseThrow();
        String[] fields = line.trim().split("\\s+");
        return List.of(Long.parseLong(fields[3]), Long.parseLong(fields[4]));
    }

    @Test
    void aCrashLoopingDaemonIsRestartedAfterAGrowingCappedBackOffShownInItsState() throws Exception {
        List<Duration> downtimes = new ArrayList<>();
        for (int kill = 1; kill <= 5; kill++) {
            // started as far as the supervisor is concerned: a kill while it starts would be a failed start instead
            FrrTestSupport.await("bgpd to be up", SLACK, () -> settled(bgpd()));
            long pid = daemons.runningPid("bgpd").orElseThrow();
            long killed = System.nanoTime();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            if (kill == 4) {
                FrrTestSupport.await("bgpd's state to show the back-off", SLACK, () -> {
                    DaemonState s = bgpd();
                    return !s.running() && s.nextStart().isPresent() && s.restarts() == 4;
                });
                DaemonState backingOff = bgpd();
                assertTrue(backingOff.lastFault().orElseThrow().matches("died \\d+ s after its start"), backingOff.toString());
                assertTrue(backingOff.describe().startsWith("stopped; next start in "), backingOff.describe());
                System.out.println("backing off: bgpd " + backingOff.describe());
            }
            try {
                FrrTestSupport.await("bgpd restarted after kill " + kill, MAX_BACKOFF.plus(SLACK).plus(SLACK), () -> {
                    OptionalLong now = daemons.runningPid("bgpd");
                    return now.isPresent() && now.getAsLong() != pid;
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; bgpd " + bgpd(), e);
            }
            downtimes.add(Duration.ofNanos(System.nanoTime() - killed));
        }
        System.out.println("bgpd killed 5 times right after each start; down for " + downtimes.stream().map(Duration::toMillis).toList()
                + " ms");

        List<Duration> backoffs = List.of(Duration.ZERO, FIRST_BACKOFF, FIRST_BACKOFF.multipliedBy(2), MAX_BACKOFF, MAX_BACKOFF);
        for (int i = 0; i < backoffs.size(); i++) {
            Duration d = downtimes.get(i);
            assertTrue(d.compareTo(backoffs.get(i)) >= 0, "restart " + (i + 1) + " came after " + d + ", before its back-off");
            assertTrue(d.compareTo(backoffs.get(i).plus(SLACK)) < 0, "restart " + (i + 1) + " took " + d);
        }
        DaemonState restarted = bgpd();
        assertEquals(5, restarted.restarts(), restarted.toString());
        assertTrue(restarted.describe().matches("running \\(pid \\d+\\); restarted 5 times in a row \\(died \\d+ s after its start\\)"),
                restarted.describe());
    }

    @Test
    void zebraKilledFiveTimesInARowTakesEveryDaemonAlongAfterAGrowingBackOff() throws Exception {
        List<Duration> downtimes = new ArrayList<>();
        for (int kill = 1; kill <= 5; kill++) {
            FrrTestSupport.await("every daemon to be up", SLACK.plus(SLACK), this::everyDaemonSettled);
            List<OptionalLong> before = supervisor.states().stream().map(DaemonState::pid).toList();
            long killed = System.nanoTime();
            ProcessHandle.of(before.get(0).getAsLong()).orElseThrow().destroyForcibly();
            FrrTestSupport.await("every daemon restarted after kill " + kill + " of zebra", MAX_BACKOFF.plus(SLACK).plus(SLACK),
                    () -> {
                        List<DaemonState> now = supervisor.states();
                        for (int i = 0; i < now.size(); i++) {
                            if (!now.get(i).running() || now.get(i).pid().equals(before.get(i))) {
                                return false;
                            }
                        }
                        return true;
                    });
            downtimes.add(Duration.ofNanos(System.nanoTime() - killed));
        }
        System.out.println("zebra killed 5 times right after each start; every daemon back after "
                + downtimes.stream().map(Duration::toMillis).toList() + " ms");

        List<Duration> backoffs = List.of(Duration.ZERO, FIRST_BACKOFF, FIRST_BACKOFF.multipliedBy(2), MAX_BACKOFF, MAX_BACKOFF);
        for (int i = 0; i < backoffs.size(); i++) {
            assertTrue(downtimes.get(i).compareTo(backoffs.get(i)) >= 0, "restart " + (i + 1) + " came before its back-off: "
                    + downtimes);
        }
        DaemonState zebra = supervisor.states().get(0);
        assertEquals(5, zebra.restarts(), zebra.toString());
    }

    /**
     * A daemon working through a long batch of OpenPE's answers each command while the probe's question waits
     * behind them: it is killed only once neither has been answered for the bound.
     */
    @Test
    void aDaemonAnsweringOurCommandsIsNotHungWhileItsProbeWaitsAndIsKilledOnceItFallsSilent() throws Exception {
        FrrTestSupport.await("every daemon to be up", SLACK.plus(SLACK), this::everyDaemonSettled);
        supervisor.close();
        DaemonActivity activity = new DaemonActivity();
        supervisor = new Supervisor(settings.pathspace(), daemons, events, POLICY,
                (daemon, timeout) -> !daemon.equals("staticd") && VtyProbe.answers(daemons.vtySocket(daemon), timeout), activity);
        long pid = daemons.runningPid("staticd").orElseThrow();
        supervisor.start();
        long busyUntil = System.nanoTime() + HUNG_AFTER.multipliedBy(2).toNanos();
        while (System.nanoTime() < busyUntil) {
            activity.answered("staticd");
            Thread.sleep(100);
        }
        assertEquals(OptionalLong.of(pid), daemons.runningPid("staticd"), "staticd killed while it answered commands");

        long silentFrom = System.nanoTime();
        FrrTestSupport.await("the silent staticd to be replaced", HUNG_AFTER.plus(SLACK).plus(SLACK), () -> {
            OptionalLong now = daemons.runningPid("staticd");
            return now.isPresent() && now.getAsLong() != pid;
        });
        Duration replacedAfter = Duration.ofNanos(System.nanoTime() - silentFrom);
        assertTrue(replacedAfter.compareTo(HUNG_AFTER.minus(POLICY.probeEvery())) >= 0, "killed before the bound: " + replacedAfter);
        assertTrue(gone(pid), "the silent staticd still runs");
    }

    @Test
    void aDaemonThatStopsAnsweringIsKilledAndRestartedAfterTheBound() throws Exception {
        FrrTestSupport.await("every daemon to be up", SLACK.plus(SLACK), this::everyDaemonSettled);
        long pid = daemons.runningPid("staticd").orElseThrow();
        List<DaemonState> others = supervisor.states().stream().filter(s -> !s.name().equals("staticd")).toList();
        assertTrue(VtyProbe.answers(daemons.vtySocket("staticd"), Duration.ofSeconds(2)), "a running staticd must answer");

        long stopped = System.nanoTime();
        FrrTestSupport.sh("kill", "-STOP", Long.toString(pid));
        assertFalse(VtyProbe.answers(daemons.vtySocket("staticd"), Duration.ofMillis(500)), "a stopped staticd answered");
        FrrTestSupport.await("the mute staticd to be named before it is killed", HUNG_AFTER,
                () -> !staticd().answering());
        DaemonState mute = staticd();
        assertEquals(OptionalLong.of(pid), mute.pid(), mute.toString());
        assertTrue(mute.describe().matches("running \\(pid \\d+\\); not answering vtysh for \\d+ s"), mute.describe());
        FrrTestSupport.await("the mute staticd to be replaced", HUNG_AFTER.plus(SLACK).plus(SLACK), () -> {
            OptionalLong now = daemons.runningPid("staticd");
            return now.isPresent() && now.getAsLong() != pid;
        });
        Duration replacedAfter = Duration.ofNanos(System.nanoTime() - stopped);
        System.out.println("SIGSTOP of staticd: killed and restarted after " + replacedAfter.toMillis() + " ms");

        assertTrue(replacedAfter.compareTo(HUNG_AFTER.minus(POLICY.probeEvery())) >= 0, "killed before the bound: " + replacedAfter);
        assertTrue(gone(pid), "the stopped staticd still runs");
        DaemonState state = supervisor.states().stream().filter(s -> s.name().equals("staticd")).findFirst().orElseThrow();
        assertTrue(state.lastFault().orElseThrow().matches("did not answer vtysh for \\d+ s; killed"), state.toString());
        assertTrue(VtyProbe.answers(daemons.vtySocket("staticd"), Duration.ofSeconds(2)), "the new staticd must answer");
        assertEquals(others.stream().map(DaemonState::pid).toList(),
                supervisor.states().stream().filter(s -> !s.name().equals("staticd")).map(DaemonState::pid).toList(),
                "daemons that answered were restarted");
    }

    /**
     * Running, and not in the middle of a start: a daemon's pid shows while the supervisor's start
     * still waits for it, and a kill then is a failed start, not a death.
     */
    private boolean settled(DaemonState daemon) {
        Long restarted = restartedAs.get(daemon.name());
        return daemon.running() && daemon.nextStart().isEmpty()
                && (restarted == null || daemon.pid().getAsLong() == restarted);
    }

    private boolean everyDaemonSettled() {
        return supervisor.states().stream().allMatch(this::settled);
    }

    private DaemonState staticd() {
        return supervisor.states().stream().filter(s -> s.name().equals("staticd")).findFirst().orElseThrow();
    }

    /** No process, or a zombie: whoever reaps orphans here may take its time. */
    private static boolean gone(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
        } catch (IOException e) {
            return true;
        }
    }

    private DaemonState bgpd() {
        return supervisor.states().stream().filter(s -> s.name().equals("bgpd")).findFirst().orElseThrow();
    }
}
