package org.openpe.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrrObserverTest {

    private final FakeFrr frr = new FakeFrr();

    @Test
    void aFreshObservationIsReused() {
        try (FrrObserver observer = new FrrObserver(() -> Optional.of(frr.instance()), Duration.ofMinutes(1),
                Duration.ofSeconds(5))) {
            assertTrue(observer.current().ok());
            assertEquals(3, observer.current().neighbors().size());
            assertEquals(1, frr.reads.get());
        }
    }

    @Test
    void aBusyFrrDoesNotHoldTheReaderLongerThanTheBound() {
        frr.delay = Duration.ofSeconds(2);
        try (FrrObserver observer = new FrrObserver(() -> Optional.of(frr.instance()), Duration.ZERO,
                Duration.ofMillis(200))) {
            long start = System.nanoTime();
            FrrObservation first = observer.current();
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1500);
            assertFalse(first.ok());
            assertEquals(Optional.of("FRR did not answer within 200 ms"), first.problem());
        }
    }

    @Test
    void noFrrIsAProblemNotAnError() {
        try (FrrObserver observer = new FrrObserver(Optional::empty, Duration.ZERO, Duration.ofSeconds(5))) {
            assertEquals(Optional.of("FRR is not open"), observer.current().problem());
        }
    }
}
