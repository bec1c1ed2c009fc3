package org.openpe.itests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpe.itests.support.Appliance;
import org.openpe.itests.support.Shell;
import org.openpe.testsupport.ShutdownCleanup;

/**
 * The README's run command as a new user runs it: a fresh clone of the committed tree (nothing
 * built), {@code ./run.sh} as root, which must build, bring up the lab and start OpenPE; then
 * SIGTERM, {@code ./run.sh --lab-down}, and nothing of the lab left behind.
 *
 * <p>{@code -Dopenpe.freshclone.ref=<commit>} runs it on another commit (default HEAD).
 */
class FreshCloneEndToEndIT {

    private static final Duration BUILD_AND_CONVERGE = Duration.ofMinutes(15);
    private static final Duration STOP_BOUND = Duration.ofSeconds(15);

    private final String lab = "fc" + UUID.randomUUID().toString().substring(0, 5);
    private final String hostNamespace = lab + "-host";
    private Path workDir;
    private Path clone;
    private Path runLog;
    private Process router;

    @Test
    void runShOnAFreshCloneBuildsStartsTheLabAndStopsCleanly() throws Exception {
        workDir = Files.createTempDirectory("openpe-fresh-clone");
        ShutdownCleanup.register(fixture(), this::cleanUp);
        clone = workDir.resolve("openpe");
        runLog = workDir.resolve("run.log");
        Path root = Path.of(System.getProperty("openpe.root")).toRealPath();
        String ref = System.getProperty("openpe.freshclone.ref", "HEAD");
        Shell.run(List.of("git", "clone", "-q", root.toString(), clone.toString())).orFail();
        Shell.run(List.of("git", "-C", clone.toString(), "checkout", "-q",
                Shell.run(List.of("git", "-C", root.toString(), "rev-parse", ref)).orFail().strip())).orFail();

        router = runSh().redirectOutput(runLog.toFile()).start();

        JsonNode status = awaitBothLabSessions();
        assertTrue(status.path("nodeIndex").isInt(), "nodeIndex must be a JSON number: " + status);
        assertEquals(0, status.path("nodeIndex").asInt());
        String log = Files.readString(runLog);
        log.lines().filter(line -> line.contains("[openpe]")).forEach(line -> System.out.println("fresh clone: " + line));
        assertTrue(log.contains("building the distribution"), "run.sh must say that it builds:\n" + log);
        assertTrue(!log.contains("EventAdminAuditLoginModule"), "a client login must log no warning:\n" + log);

        assertEquals(List.of("tcp 127.0.0.1:8101"), listeners(router.pid()),
                "OpenPE's JVM may listen only for the local shell (no shutdown port, nothing on the network)");

        long start = System.nanoTime();
        router.destroy();
        boolean stopped = router.waitFor(STOP_BOUND.toSeconds(), TimeUnit.SECONDS);
        assertTrue(stopped, "OpenPE still runs " + STOP_BOUND.toSeconds() + " s after SIGTERM");
        System.out.printf("fresh clone: OpenPE stopped %d ms after SIGTERM%n", (System.nanoTime() - start) / 1_000_000);

        Shell.Result down = Shell.run(List.of("env", "OPENPE_LAB=" + lab, clone.resolve("run.sh").toString(), "--lab-down"));
        assertEquals(0, down.exitCode(), "./run.sh --lab-down failed:\n" + down.output());
        assertEquals(List.of(), leftovers(), "left behind after ./run.sh --lab-down");
    }

    private ProcessBuilder runSh() {
        ProcessBuilder builder = new ProcessBuilder(clone.resolve("run.sh").toString()).redirectErrorStream(true);
        builder.environment().put("OPENPE_LAB", lab);
        String repository = System.getProperty("maven.repo.local");
        if (repository != null) {
            // The clone builds into the local repository of the build running this test, like a user's.
            builder.environment().put("MAVEN_OPTS", "-Dmaven.repo.local=" + repository);
        }
        return builder;
    }

    /** Polls {@code openpe:status --json}, failing at once when run.sh ends. */
    private JsonNode awaitBothLabSessions() throws InterruptedException {
        Appliance runtime = new Appliance("./run.sh's OpenPE", clone.resolve("runtime/openpe"), Optional.of(hostNamespace),
                Optional.empty(), BUILD_AND_CONVERGE);
        long deadline = System.nanoTime() + BUILD_AND_CONVERGE.toNanos();
        String last = "nothing yet";
        while (System.nanoTime() < deadline) {
            if (!router.isAlive()) {
                throw new AssertionError("./run.sh exited with " + router.exitValue() + " before the lab was up:\n"
                        + tail(runLog));
            }
            if (Files.exists(runtime.home().resolve("bin/client"))) {
                try {
                    JsonNode status = runtime.statusJson();
                    last = status.toString();
                    if (Appliance.sessionState(status, "192.168.11.2").equals("Established")
                            && Appliance.sessionState(status, "192.169.10.2").equals("Established")) {
                        return status;
                    }
                } catch (RuntimeException | AssertionError notYet) {
                    last = notYet.getMessage();
                }
            }
            Thread.sleep(2000);
        }
        throw new AssertionError("timed out after " + BUILD_AND_CONVERGE.toMinutes()
                + " min waiting for both lab sessions Established; last status: " + last + "\n" + tail(runLog));
    }

    /** The sockets process {@code pid} listens on in the lab's host namespace, as "tcp 127.0.0.1:8101" (IPv4-mapped shown as IPv4). */
    private List<String> listeners(long pid) {
        String sockets = Shell.run(List.of("nsenter", "--net=/var/run/netns/" + hostNamespace, "ss", "-Hltunp")).orFail();
        return sockets.lines().filter(line -> line.contains("pid=" + pid + ","))
                .map(line -> line.trim().split("\\s+"))
                .map(columns -> columns[0] + " " + columns[4].replaceFirst("^\\[::ffff:(.*)\\]", "$1"))
                .sorted().toList();
    }

    /** The lab's namespaces, FRR daemons and the clone's Karaf, whichever still exist. */
    private List<String> leftovers() {
        List<String> left = new ArrayList<>();
        for (String ns : Shell.run("ip", "netns", "list").output().split("\n")) {
            if (ns.startsWith(lab + "-")) {
                left.add("namespace " + ns.split(" ")[0]);
            }
        }
        ProcessHandle.allProcesses().forEach(p -> {
            String command = p.info().commandLine().orElse("");
            if (command.startsWith("/usr/lib/frr/") && command.contains(" " + lab + "-")) {
                left.add("FRR daemon " + p.pid() + ": " + command);
            } else if (command.contains("java") && command.contains(clone.toString())) {
                left.add("Karaf " + p.pid());
            }
        });
        return left;
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (router != null && router.isAlive()) {
            router.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (clone != null && Files.exists(clone.resolve("scripts/lab.sh"))) {
            Shell.run(List.of("bash", clone.resolve("scripts/lab.sh").toString(), "down", lab));
        }
        if (workDir != null) {
            Shell.run("rm", "-rf", workDir.toString());
        }
        ShutdownCleanup.forget(fixture());
    }

    private String fixture() {
        return "./run.sh of a fresh clone in " + workDir + " and its lab " + lab;
    }
}
