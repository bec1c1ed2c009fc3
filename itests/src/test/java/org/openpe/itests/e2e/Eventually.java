package org.openpe.itests.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Polls a check until it holds, failing with the last observation when time runs out. */
final class Eventually {

    private Eventually() {}

    static <T> T await(String what, Duration timeout, Supplier<T> observe, java.util.function.Predicate<T> holds) {
        Instant deadline = Instant.now().plus(timeout);
        T last = null;
        RuntimeException lastError = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = observe.get();
                lastError = null;
                if (holds.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            sleep();
        }
        AssertionError failure = new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
                + "; last seen: " + (lastError != null ? lastError.getMessage() : last));
        if (lastError != null) {
            failure.initCause(lastError);
        }
        throw failure;
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
