package org.openpe.itests.vm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openpe.itests.support.Appliance;

/**
 * One OpenPE appliance of the VRF tier, in {@code workDir/name}; several start and stop in parallel
 * ({@link #start()} does not wait, {@link #awaitStarted()} does).
 */
final class OpenPeNode extends Appliance implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(420);
    private static final Duration STOP_BOUND = Duration.ofSeconds(60);
    /**
     * C1 only, for the node and each {@code bin/client}: under qemu's TCG (one emulated CPU) the C2
     * compiler's work delays start-up far more than its code pays back in a test of a few minutes.
     * Replaces Karaf's default JAVA_OPTS (which only unlocks diagnostic options on Java 17).
     */
    static final String QUICK_START_JAVA_OPTS = "-XX:+UnlockDiagnosticVMOptions -XX:TieredStopAtLevel=1";

    private final String name;

    private OpenPeNode(String name, Path home, String hostNamespace) {
        super(name, home, Optional.of(hostNamespace), Optional.of(QUICK_START_JAVA_OPTS), START_TIMEOUT);
        this.name = name;
    }

    /** Unpacks the distribution named by -Dopenpe.distribution into {@code workDir/name}. */
    static OpenPeNode unpack(String name, Path workDir, String hostNamespace) throws IOException {
        String distribution = System.getProperty("openpe.distribution");
        if (distribution == null) {
            throw new IllegalStateException("no -Dopenpe.distribution (build karaf-assembly first)");
        }
        Path home = workDir.resolve(name);
        unpack(Path.of(distribution), home);
        return new OpenPeNode(name, home, hostNamespace);
    }

    void start() throws IOException {
        launch();
    }

    /** Stops it with SIGTERM (SIGKILL after a minute) and copies its log to {@code logDir} for the report. */
    void stop(Path logDir) throws InterruptedException, IOException {
        if (isRunning()) {
            stopWithin(STOP_BOUND);
        }
        Files.createDirectories(logDir);
        for (Path log : List.of(home().resolve("data/log/karaf.log"), home().resolve("console.log"))) {
            if (Files.exists(log)) {
                Files.copy(log, logDir.resolve(name + "-" + log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        stop(Path.of(System.getProperty(VrfTier.REPORTS_PROPERTY, System.getProperty("java.io.tmpdir"))));
    }
}
