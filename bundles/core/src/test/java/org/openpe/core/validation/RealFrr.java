package org.openpe.core.validation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.openpe.api.frr.FrrConfig;
import org.openpe.frr.ApplyResult;
import org.openpe.frr.FrrInstance;
import org.openpe.frr.FrrSettings;
import org.openpe.frr.internal.FrrManagerComponent;
import org.openpe.testsupport.ShutdownCleanup;

/** A real FRR 8.4, started by the product's FRR bundle in a throw-away namespace, to apply configurations to. */
final class RealFrr implements AutoCloseable {

    private final FrrSettings settings = FrrSettings.forNamespace("opv-" + UUID.randomUUID().toString().substring(0, 8));
    private final FrrInstance frr;

    RealFrr() throws Exception {
        sh("ip", "netns", "add", settings.namespace());
        ShutdownCleanup.register(this, this::killDaemonsAndRemove);
        try {
            sh("ip", "-n", settings.namespace(), "link", "set", "lo", "up");
            frr = new FrrManagerComponent().instance(settings);
        } catch (Exception | Error e) {
            killDaemonsAndRemove();
            ShutdownCleanup.forget(this);
            throw e;
        }
        ShutdownCleanup.register(this, this::close);
    }

    /** Root and Debian's FRR; prints why not when they are missing. */
    static boolean available() {
        boolean available = "root".equals(System.getProperty("user.name"))
                && Stream.of("/usr/lib/frr/bgpd", "/usr/lib/frr/zebra", "/usr/lib/frr/frr-reload.py", "/usr/bin/vtysh")
                        .allMatch(f -> Files.isExecutable(Path.of(f)));
        if (!available) {
            System.out.println("SKIPPED (real FRR part): needs root and Debian's FRR");
        }
        return available;
    }

    ApplyResult apply(FrrConfig config) throws Exception {
        return frr.apply(config).get();
    }

    String displayText(FrrConfig config) {
        return frr.displayText(config);
    }

    @Override
    public void close() throws Exception {
        frr.stopDaemons();
        frr.close();
        removeNamespaceAndFiles();
        ShutdownCleanup.forget(this);
    }

    @Override
    public String toString() {
        return "FRR router " + settings.namespace();
    }

    /** Without an instance yet: the daemons it started so far are those of the pid files of its own pathspace. */
    private void killDaemonsAndRemove() throws Exception {
        if (Files.isDirectory(settings.pathspaceRunDir())) {
            try (Stream<Path> files = Files.list(settings.pathspaceRunDir())) {
                for (Path pidFile : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
                    ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).ifPresent(ProcessHandle::destroy);
                }
            }
        }
        removeNamespaceAndFiles();
    }

    private void removeNamespaceAndFiles() throws Exception {
        sh("ip", "netns", "del", settings.namespace());
        for (Path dir : List.of(settings.pathspaceConfigDir(), settings.pathspaceRunDir(), settings.pathspaceLogDir())) {
            deleteRecursively(dir);
        }
    }

    private static void sh(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList())) {
                Files.deleteIfExists(p);
            }
        }
    }
}
