package org.openpe.itests.vm;

import org.junit.jupiter.api.Test;

/** Issue 15 (H5): under the shipped unit, with systemd as PID 1, restarts and a JVM crash keep FRR and the devices. */
class SystemdRestartIT {

    @Test
    void restartsUnderSystemdKeepFrrSessionsAndDevices() throws Exception {
        VrfTier.runUnderSystemd(SystemdRestartScenario.class);
    }
}
