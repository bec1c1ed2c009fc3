package org.openpe.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpe.api.ResourceType;
import org.openpe.core.config.ResourceKey;

class CandidateRejectionsTest {

    private static final ResourceKey KEY = new ResourceKey(ResourceType.UNDERLAY, "fabric");
    private final Instant t0 = Instant.parse("2026-12-04T12:00:00Z");
    private final CandidateRejections rejections = new CandidateRejections();

    @Test
    void aRejectedGenerationIsHeldBackWithAGrowingBackOffUntilItChanges() {
        rejections.reject(KEY, 4, "FRR refused it", t0);
        assertTrue(rejections.holdsBack(KEY, 4, t0.plusSeconds(29)));
        assertFalse(rejections.holdsBack(KEY, 4, t0.plusSeconds(30)), "tried again after 30 s");
        assertFalse(rejections.holdsBack(KEY, 5, t0.plusSeconds(1)), "a new generation is tried at once");
        assertEquals(Optional.of("FRR refused it"), rejections.reason(KEY, 4));
        assertEquals(Optional.empty(), rejections.reason(KEY, 5));

        Instant t1 = t0.plusSeconds(30);
        rejections.reject(KEY, 4, "FRR refused it", t1);
        assertTrue(rejections.holdsBack(KEY, 4, t1.plusSeconds(59)), "the back-off doubles");
        assertFalse(rejections.holdsBack(KEY, 4, t1.plusSeconds(60)));

        rejections.retain(List.of());
        assertEquals(Optional.empty(), rejections.reason(KEY, 4), "forgotten once the resource is deleted");
    }

    @Test
    void theBackOffDoublesUpToTenMinutes() {
        assertEquals(Duration.ofSeconds(30), BackOff.after(1));
        assertEquals(Duration.ofSeconds(60), BackOff.after(2));
        assertEquals(Duration.ofSeconds(480), BackOff.after(5));
        assertEquals(Duration.ofMinutes(10), BackOff.after(6));
        assertEquals(Duration.ofMinutes(10), BackOff.after(1000));
    }
}
