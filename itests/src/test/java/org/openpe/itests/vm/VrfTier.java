package org.openpe.itests.vm;

import org.openpe.itests.support.Shell;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * The VRF-capable test tier: runs a JUnit 5 scenario class on a kernel with vrf and dummy support, in a
 * forked JVM on this host when its kernel has them, else inside a throw-away VM (scripts/vm/run.sh)
 * that sees this host's files, and fails with the scenario's failures and output when it did not pass.
 * Skipped, with the reason printed, when neither is possible.
 *
 * <p>Scenario classes are not named like tests (so that failsafe does not run them on this kernel) and
 * call {@link #assumeInside()} first.
 */
public final class VrfTier {

    static final String INSIDE_PROPERTY = "openpe.vrftier.inside";
    /** Where a scenario may leave files for the report (logs): writable and kept, also in the VM. */
    static final String REPORTS_PROPERTY = "openpe.vrftier.reports";
    static final String STEPS_PROPERTY = "openpe.vrftier.steps";
    private static final String LAUNCHER = "org.junit.platform.console.ConsoleLauncher";
    private static final int OUTPUT_TAIL_LINES = 80;

    private VrfTier() {
    }

    /** For scenario classes: skips them unless this JVM was started by {@link #run(Class)}. */
    public static void assumeInside() {
        Assumptions.assumeTrue(Boolean.getBoolean(INSIDE_PROPERTY),
                "scenario of the VRF tier: it needs a kernel with vrf and dummy, run it through VrfTier.run");
    }

    /** Runs every test of the scenario class and asserts that at least one ran and none failed. */
    public static void run(Class<?> scenario) throws IOException, InterruptedException {
        Path root = projectRoot();
        run(scenario, root, TierPlacement.detect(root), List.of());
    }

    /**
     * Like {@link #run(Class)}, always in the VM, booted with systemd as PID 1 (scripts/vm/run.sh
     * --init systemd): the scenario runs as a systemd service and may install and drive units.
     */
    public static void runUnderSystemd(Class<?> scenario) throws IOException, InterruptedException {
        run(scenario, projectRoot(), TierPlacement.detectVmOnly(), List.of("--init", "systemd", "--boot-timeout", "300"));
    }

    private static void run(Class<?> scenario, Path root, TierPlacement placement, List<String> vmOptions)
            throws IOException, InterruptedException {
        System.out.println("[vrf-tier] " + scenario.getSimpleName() + ": " + placement.where() + " (" + placement.reason() + ")");
        Assumptions.assumeTrue(placement.where() != TierPlacement.Where.NOWHERE,
                "VRF tier skipped: " + placement.reason());

        Path reports = Path.of("target", "vrf-tier", scenario.getSimpleName()).toAbsolutePath();
        Shell.ok("rm", "-rf", reports.toString());
        Files.createDirectories(reports);
        List<String> command = launcherCommand(scenario, reports);
        if (placement.where() == TierPlacement.Where.VM) {
            command = vmCommand(root, command, reports, vmOptions);
        }
        long started = System.nanoTime();
        Run run = execute(command, reports.resolve("output.log"));
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.println("[vrf-tier] " + scenario.getSimpleName() + " exited with " + run.exitCode + " after " + seconds + " s");

        ScenarioReport report;
        try {
            report = ScenarioReport.read(reports);
        } catch (IOException e) {
            fail("no test report from " + scenario.getName() + " (exit code " + run.exitCode + "): " + e.getMessage()
                    + "\n--- last output ---\n" + run.tail);
            return;
        }
        if (!report.problems().isEmpty() || report.passed() == 0 || run.exitCode != 0) {
            fail(scenario.getName() + " did not pass (exit code " + run.exitCode + ", " + report.tests() + " tests, "
                    + report.skipped() + " skipped, " + report.problems().size() + " failed):\n"
                    + String.join("\n\n", report.problems()) + "\n--- last output ---\n" + run.tail);
        }
        if (report.skipped() > 0) {
            System.out.println("[vrf-tier] " + scenario.getSimpleName() + ": " + report.skipped()
                    + " step(s) skipped, see " + reports.resolve("steps.log"));
        }
    }

    private static List<String> launcherCommand(Class<?> scenario, Path reports) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-D" + INSIDE_PROPERTY + "=true");
        command.add("-D" + REPORTS_PROPERTY + "=" + reports);
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("openpe.") && !name.startsWith("openpe.vrftier"))
                .sorted()
                .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        command.addAll(List.of("-cp", testClassPath(), LAUNCHER, "execute", "--disable-banner", "--disable-ansi-colors",
                "--details=tree", "--include-engine=junit-jupiter", "--fail-if-no-tests", "--reports-dir", reports.toString()));
        command.addAll(selectors(scenario));
        return command;
    }

    /**
     * The whole scenario, or only the steps named in {@value #STEPS_PROPERTY} (method names, comma-separated), to
     * try one step while developing it: the class's set-up still runs, the unnamed steps do not.
     */
    private static List<String> selectors(Class<?> scenario) {
        String steps = System.getProperty(STEPS_PROPERTY, "").strip();
        if (steps.isEmpty()) {
            return List.of("--select-class", scenario.getName());
        }
        List<String> selectors = new ArrayList<>();
        for (String step : steps.split("\\s*,\\s*")) {
            selectors.addAll(List.of("--select-method", scenario.getName() + "#" + step));
        }
        return selectors;
    }

    private static List<String> vmCommand(Path root, List<String> inner, Path reports, List<String> vmOptions) {
        List<String> command = new ArrayList<>(List.of(root.resolve("scripts/vm/run.sh").toString(),
                "--share", reports.toString(), "--timeout", String.valueOf(timeoutSeconds()),
                "--mem", Long.getLong("openpe.vrftier.mem", 4096).toString()));
        command.addAll(vmOptions);
        command.add("--");
        command.add(inner.stream().map(Shell::quote).collect(Collectors.joining(" ")));
        return command;
    }

    /** Failsafe starts its fork through a manifest-only jar; the real test class path is in this property. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static long timeoutSeconds() {
        return Long.getLong("openpe.vrftier.timeout", 3600);
    }

    private static Path projectRoot() {
        String configured = System.getProperty("openpe.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isExecutable(candidate.resolve("scripts/vm/run.sh"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("scripts/vm/run.sh not found above " + dir + "; set -Dopenpe.root");
    }

    private record Run(int exitCode, String tail) {
    }

    /** Streams the command's output to stdout and a log file, keeping its last lines for failure messages. */
    private static Run execute(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        Deque<String> tail = new ArrayDeque<>();
        Thread pump = new Thread(() -> pump(process, log, tail), "vrf-tier-output");
        pump.start();
        boolean finished = process.waitFor(timeoutSeconds() + 60, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        pump.join();
        synchronized (tail) {
            String lastLines = String.join("\n", tail);
            if (!finished) {
                fail("scenario still running after " + timeoutSeconds() + " s (-Dopenpe.vrftier.timeout), killed"
                        + "\n--- last output ---\n" + lastLines);
            }
            return new Run(process.exitValue(), lastLines);
        }
    }

    private static void pump(Process process, Path log, Deque<String> tail) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter writer = new PrintWriter(Files.newBufferedWriter(log))) {
            String line;
            while ((line = reader.readLine()) != null) {
                System.out.println(line);
                writer.println(line);
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > OUTPUT_TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the scenario output to " + log, e);
        }
    }
}
