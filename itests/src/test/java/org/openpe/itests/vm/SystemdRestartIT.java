package org.openpe.itests.vm;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 (H5): installed from the .deb, under the shipped unit, with systemd as PID 1, restarts, a
 * JVM crash and a package upgrade with a changed plugin keep FRR and the devices.
 */
class SystemdRestartIT {

    @Test
    void restartsUnderSystemdKeepFrrSessionsAndDevices() throws Exception {
        Path root = Path.of(System.getProperty("openpe.root")).toRealPath();
        Path deb;
        try (var debs = Files.list(root.resolve("karaf-assembly/target"))) {
            deb = debs.filter(p -> p.getFileName().toString().matches("openpe_.*_all\\.deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("no openpe_*_all.deb in karaf-assembly/target: build it first"));
        }
        ChangedPluginPackage.Built upgrade = ChangedPluginPackage.from(deb, root.resolve("itests/target/systemd-upgrade"));
        System.setProperty(SystemdRestartScenario.DEB_PROPERTY, deb.toString());
        System.setProperty(SystemdRestartScenario.UPGRADE_DEB_PROPERTY, upgrade.deb().toString());
        System.setProperty(SystemdRestartScenario.UPGRADE_BUNDLE_VERSION_PROPERTY, upgrade.bundleVersion());
        VrfTier.runUnderSystemd(SystemdRestartScenario.class);
    }
}
