package org.openpe.itests.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh lab with the distribution running in its host namespace, configured with the lab's resources. */
record LabRun(Lab lab, Appliance appliance) implements AutoCloseable {

    /** Skips the calling test class, saying why, where root or FRR is missing. */
    static LabRun start() throws Exception {
        return start("");
    }

    /** @param systemProperties lines appended to the distribution's {@code etc/system.properties} */
    static LabRun start(String systemProperties) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "end-to-end tests need root; skipped");
        assumeTrue(Files.isExecutable(Path.of("/usr/lib/frr/bgpd")), "FRR is not installed; skipped");
        Path root = Path.of(System.getProperty("openpe.root")).toRealPath();
        Lab lab = new Lab(root);
        try {
            Appliance appliance = new Appliance(Path.of(System.getProperty("openpe.distribution")),
                    root.resolve("itests/target/e2e/" + lab.prefix), lab.host);
            lab.writeConfig(appliance.etc());
            Files.writeString(appliance.etc().resolve("system.properties"), systemProperties,
                    java.nio.file.StandardOpenOption.APPEND);
            LabRun run = new LabRun(lab, appliance);
            try {
                appliance.start();
            } catch (Exception | AssertionError e) {
                run.close();
                throw e;
            }
            return run;
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            appliance.close();
        } finally {
            lab.close();
        }
    }
}
