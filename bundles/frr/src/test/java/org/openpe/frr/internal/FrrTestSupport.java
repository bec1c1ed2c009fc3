package org.openpe.frr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openpe.frr.FrrInstance;
import org.openpe.frr.FrrSettings;
import org.openpe.testsupport.ShutdownCleanup;

/** Throw-away namespaces and FRR pathspaces for tests against the real FRR. */
final class FrrTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FrrTestSupport() {}

    /** Skips the test, saying why, unless we are root and Debian's FRR is installed. */
    static void assumeFrrAvailable() {
        String reason = null;
        if (!"root".equals(System.getProperty("user.name"))) {
            reason = "tests against FRR need root (they create network namespaces and start daemons)";
        } else {
            FrrSettings defaults = FrrSettings.forNamespace("x");
            for (Path p : List.of(defaults.vtysh(), defaults.reloadScript(), defaults.binDir().resolve("zebra"),
                    defaults.binDir().resolve("bgpd"), defaults.binDir().resolve("bfdd"), defaults.binDir().resolve("staticd"))) {
                if (!Files.isExecutable(p)) {
                    reason = "FRR is not installed: " + p + " is missing";
                }
            }
        }
        if (reason != null) {
            System.out.println("SKIPPED: " + reason);
        }
        Assumptions.assumeTrue(reason == null, reason);
    }

    static String uniqueName(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Runs {@code command} and returns its output; throws when it fails. */
    static String sh(String... command) {
        Commands.Result r = Commands.run(List.of(command), Duration.ofSeconds(30));
        if (!r.ok()) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + r.output());
        }
        return r.output();
    }

    /** What {@code frr-reload.py --test} would still change to make FRR run {@code file} (hostname aside). */
    static List<String> residue(FrrSettings settings, Path file) {
        FrrReload.Test test = new FrrReload(settings).test(file, Duration.ofMinutes(2));
        if (!test.ok()) {
            throw new IllegalStateException("frr-reload --test " + file + " failed: " + test.output());
        }
        return test.changes();
    }

    /** Creates the router's namespace; JVM shutdown destroys the router (see {@link #destroy}) unless that ran first. */
    static void createNamespace(FrrSettings settings) {
        String name = settings.namespace();
        sh("ip", "netns", "add", name);
        ShutdownCleanup.register(router(settings), () -> removeRouter(settings));
        sh("ip", "-n", name, "link", "set", "lo", "up");
    }

    /** JVM shutdown closes {@code instance} (ending its supervision before its router goes) unless it was closed first. */
    static <T extends FrrInstance> T closedAtShutdown(T instance) {
        ShutdownCleanup.register(instance, instance::close);
        return instance;
    }

    static void close(FrrInstance instance) {
        if (instance != null) {
            instance.close();
            ShutdownCleanup.forget(instance);
        }
    }

    /** Deactivates {@code manager} at JVM shutdown (closing its instances) unless {@link #destroyAll} ran first. */
    static FrrManagerComponent deactivatedAtShutdown(FrrManagerComponent manager) {
        ShutdownCleanup.register(manager, manager::deactivate);
        return manager;
    }

    private static String router(FrrSettings settings) {
        return "FRR router " + settings.namespace();
    }

    /** A veth pair between two of our namespaces, with IPv4 /24 addresses. */
    static void connect(String nsA, String ifA, String addressA, String nsB, String ifB, String addressB) {
        sh("ip", "link", "add", ifA, "netns", nsA, "type", "veth", "peer", "name", ifB, "netns", nsB);
        sh("ip", "-n", nsA, "addr", "add", addressA, "dev", ifA);
        sh("ip", "-n", nsB, "addr", "add", addressB, "dev", ifB);
        sh("ip", "-n", nsA, "link", "set", ifA, "up");
        sh("ip", "-n", nsB, "link", "set", ifB, "up");
    }

    /** Kills the pathspace's daemons by pid, deletes the namespace and the pathspace's directories. */
    static void destroy(FrrSettings settings) {
        removeRouter(settings);
        ShutdownCleanup.forget(router(settings));
    }

    private static void removeRouter(FrrSettings settings) {
        new Daemons(settings).stopAll();
        Commands.run(List.of("ip", "netns", "del", settings.namespace()), Duration.ofSeconds(30));
        for (Path dir : List.of(settings.pathspaceConfigDir(), settings.pathspaceRunDir(), settings.pathspaceLogDir())) {
            deleteRecursively(dir);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.out.println("could not delete " + dir + ": " + e);
        }
    }

    /** A peer router: FRR's daemons started in {@code settings}' namespace, unsupervised, running {@code config}. */
    static void startPeer(FrrSettings settings, String config) throws Exception {
        new Layout(settings).prepare();
        Daemons daemons = new Daemons(settings);
        for (String daemon : Daemons.NAMES) {
            daemons.start(daemon);
        }
        Path file = settings.pathspaceConfigDir().resolve("peer.conf");
        Files.writeString(file, config);
        Commands.Result r = new FrrReload(settings).reload(file, Duration.ofMinutes(1));
        if (!r.ok()) {
            throw new AssertionError("the peer's configuration was refused: " + r.output());
        }
    }

    /** Stops the daemons of the node's instance, the manager, and removes both routers. */
    static void destroyAll(FrrInstance node, FrrManagerComponent manager, FrrSettings... settings) {
        if (node != null) {
            node.stopDaemons();
            ShutdownCleanup.forget(node);
        }
        if (manager != null) {
            manager.deactivate();
            ShutdownCleanup.forget(manager);
        }
        for (FrrSettings s : settings) {
            if (s != null) {
                destroy(s);
            }
        }
    }

    /** A {@code show ... json} of the router of {@code settings}. */
    static JsonNode json(FrrSettings settings, String command) {
        try {
            return JSON.readTree(new Vtysh(settings).show(command));
        } catch (Exception e) {
            throw new IllegalStateException(command, e);
        }
    }

    /** Polls {@code condition} every 100 ms; returns how long it took, or fails with {@code what}. */
    static Duration await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
