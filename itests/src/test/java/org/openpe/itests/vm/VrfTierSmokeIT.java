package org.openpe.itests.vm;

import org.junit.jupiter.api.Test;

/** The VRF tier works end to end: its smoke scenario passes where the tier places it. */
class VrfTierSmokeIT {

    @Test
    void smokeScenarioPasses() throws Exception {
        VrfTier.run(VrfSmokeScenario.class);
    }
}
