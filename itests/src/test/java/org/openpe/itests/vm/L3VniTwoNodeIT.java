package org.openpe.itests.vm;

import org.junit.jupiter.api.Test;

/** Issue 6, L3 end to end: two OpenPE nodes exchange type-5 routes through a leaf, in the VRF tier. */
class L3VniTwoNodeIT {

    @Test
    void scenarioPasses() throws Exception {
        VrfTier.run(L3VniTwoNodeScenario.class);
    }
}
