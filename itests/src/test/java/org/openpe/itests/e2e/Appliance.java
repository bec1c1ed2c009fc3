package org.openpe.itests.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The lab's appliance: the distribution run in the lab's host namespace with Karaf's default
 * JAVA_OPTS; {@link #start()} returns once its shell answers.
 */
final class Appliance extends org.openpe.itests.support.Appliance implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_BOUND = Duration.ofSeconds(30);

    final Path home;

    Appliance(Path home, String hostNamespace) {
        super("OpenPE", home, Optional.of(hostNamespace), Optional.empty(), START_TIMEOUT);
        this.home = home;
    }

    /** Unpacks the distribution into its home. */
    void install(Path distribution) throws IOException {
        unpack(distribution, home);
    }

    void start() throws IOException {
        launch();
        awaitStarted();
    }

    /** Stops it as systemd would, with SIGTERM, and waits for the JVM to exit; how long that took. */
    Duration stop() throws InterruptedException {
        long start = System.nanoTime();
        if (!stopWithin(STOP_BOUND)) {
            throw new AssertionError("OpenPE did not stop within " + STOP_BOUND.toSeconds() + " s of SIGTERM");
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() throws InterruptedException {
        if (isRunning()) {
            stop();
        }
    }
}
