package org.openpe.itests.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls an observation until it holds, failing with the last observation when time runs out. */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T await(String what, Duration timeout, Supplier<T> observe, Predicate<T> holds) {
        Instant deadline = Instant.now().plus(timeout);
        T last = null;
        RuntimeException lastError = null;
        while (true) {
            try {
                last = observe.get();
                lastError = null;
                if (holds.test(last)) {
                    return last;
                }
            } catch (RuntimeException | AssertionError e) {
                lastError = e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
            }
            if (Instant.now().isAfter(deadline)) {
                break;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
        AssertionError failure = new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
                + "; last seen: " + (lastError != null ? lastError.getMessage() : last));
        if (lastError != null) {
            failure.initCause(lastError);
        }
        throw failure;
    }
}
