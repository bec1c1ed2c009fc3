package org.openpe.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpe.api.Contribution;
import org.openpe.api.ReconcileException;
import org.openpe.api.frr.FrrFragment;
import org.openpe.api.kernel.Link;
import org.openpe.api.kernel.LinkKind;
import org.openpe.api.kernel.Netns;
import org.openpe.l3vni.L3VNI;

class RememberedContributionsTest {

    private static final L3VNI RED = new L3VNI("red", Optional.empty(), 100, 4789, Optional.empty());
    private static final Contribution CONTRIBUTION = new Contribution(
            List.of(Link.of(Netns.ROUTER, "br-pe-100", new LinkKind.Bridge())),
            new FrrFragment(List.of(), List.of(), List.of(), List.of(), List.of()));

    private final RememberedContributions remembered = new RememberedContributions();

    @Test
    void anAwayPluginsResourceContributesWhatItDidLastForTheSameVersionOnly() throws ReconcileException {
        assertFalse(remembered.remembers(RED));
        assertEquals(CONTRIBUTION, remembered.recording((resource, node) -> CONTRIBUTION).contribute(RED, null));

        assertTrue(remembered.remembers(RED));
        assertEquals(CONTRIBUTION, remembered.replaying().contribute(RED, null));
        L3VNI edited = new L3VNI("red", Optional.empty(), 101, 4789, Optional.empty());
        assertFalse(remembered.remembers(edited));
        assertThrows(IllegalStateException.class, () -> remembered.replaying().contribute(edited, null));

        remembered.retain(List.of());
        assertFalse(remembered.remembers(RED));
    }
}
