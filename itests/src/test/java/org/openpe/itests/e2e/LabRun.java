package org.openpe.itests.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openpe.testsupport.ShutdownCleanup;

/**
 * A fresh lab with the distribution running in its host namespace, configured with the lab's
 * resources. A test class registers one as an extension, which brings it up before the class's
 * tests and down after them:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final LabRun run = new LabRun();
 * private static final Lab lab = run.lab();
 * private static final Appliance appliance = run.appliance();
 * </pre>
 *
 * Where root or FRR is missing, it skips the class, saying why.
 */
final class LabRun implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private final Lab lab;
    private final Appliance appliance;
    private final String systemProperties;
    private boolean up;

    LabRun() {
        this("");
    }

    /** @param systemProperties lines appended to the distribution's {@code etc/system.properties} */
    LabRun(String systemProperties) {
        Path root = Path.of(System.getProperty("openpe.root", ".")).toAbsolutePath().normalize();
        this.lab = new Lab(root);
        this.appliance = new Appliance(root.resolve("itests/target/e2e/" + lab.prefix), lab.host);
        this.systemProperties = systemProperties;
    }

    /** Brings one up at once, for a class that closes it itself rather than registering the extension. */
    static LabRun start() throws Exception {
        return start("");
    }

    static LabRun start(String systemProperties) throws Exception {
        LabRun run = new LabRun(systemProperties);
        run.up();
        return run;
    }

    Lab lab() {
        return lab;
    }

    Appliance appliance() {
        return appliance;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        up();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    private void up() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "end-to-end tests need root; skipped");
        assumeTrue(Files.isExecutable(Path.of("/usr/lib/frr/bgpd")), "FRR is not installed; skipped");
        ShutdownCleanup.register(this, lab::close); // the appliance, registered later, is stopped before
        lab.up();
        up = true;
        try {
            appliance.install(Path.of(System.getProperty("openpe.distribution")));
            lab.writeConfig(appliance.etc());
            Files.writeString(appliance.etc().resolve("system.properties"), systemProperties, StandardOpenOption.APPEND);
            appliance.start();
        } catch (Exception | AssertionError e) {
            close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "lab " + lab.prefix + " (scripts/lab.sh down " + lab.prefix + ")";
    }

    @Override
    public void close() throws Exception {
        if (!up) {
            return;
        }
        try {
            appliance.close();
        } finally {
            up = false;
            lab.close();
            ShutdownCleanup.forget(this);
        }
    }
}
