package org.openpe.itests.vm;

import org.junit.jupiter.api.Test;

/** Issue 6, L3 end to end: two OpenPE nodes exchange type-5 routes through a leaf, in the VRF tier. */
class EvpnTwoNodeIT {

    @Test
    void scenarioPasses() throws Exception {
        VrfTier.run(EvpnTwoNodeScenario.class);
    }
}
