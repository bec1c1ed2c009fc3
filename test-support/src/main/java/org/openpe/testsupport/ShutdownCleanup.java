package org.openpe.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Undoes what test fixtures left set up when the JVM stops before their teardown runs: a cancelled CI
 * run or a fork killed on timeout sends SIGTERM, and JUnit's after-methods never run. A fixture
 * registers what would undo it as soon as it exists and forgets it once its teardown has run; one
 * shutdown hook undoes what is still registered, newest first.
 *
 * <p>The test that was running goes on while the hook runs, and a set-up it was in the middle of may
 * re-create part of what was undone; so the hook undoes it all once more after a short pause (every
 * undo must therefore be repeatable).
 */
public final class ShutdownCleanup {

    private static final long SETTLE_MILLIS = 2000;
    private static final Map<Object, Undo> PENDING = new LinkedHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ShutdownCleanup::undoPending, "test-fixture-cleanup"));
    }

    private ShutdownCleanup() {}

    /** What undoes one fixture. */
    @FunctionalInterface
    public interface Undo {
        void run() throws Exception;
    }

    /**
     * Has {@code undo} run at JVM shutdown unless {@link #forget} is called for {@code fixture} first.
     * {@code fixture} names what is undone (it is printed), e.g. "FRR router frt-1a2b3c4d".
     */
    public static synchronized void register(Object fixture, Undo undo) {
        PENDING.put(fixture, undo);
    }

    /** The fixture's own teardown has run. */
    public static synchronized void forget(Object fixture) {
        PENDING.remove(fixture);
    }

    private static void undoPending() {
        List<Map.Entry<Object, Undo>> undone = new ArrayList<>();
        for (List<Map.Entry<Object, Undo>> pending = takePending(); !pending.isEmpty(); pending = takePending()) {
            undoNewestFirst(pending, true);
            undone.addAll(pending);
        }
        if (!undone.isEmpty()) {
            try {
                Thread.sleep(SETTLE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.out.println("JVM shutting down: undoing the " + undone.size() + " fixtures again, for what the"
                    + " interrupted test re-created meanwhile");
            undoNewestFirst(undone, false);
        }
    }

    /** Runs each undo, newest first; {@code report} says what is undone and what failed (a second round fails quietly). */
    private static void undoNewestFirst(List<Map.Entry<Object, Undo>> fixtures, boolean report) {
        for (int i = fixtures.size() - 1; i >= 0; i--) {
            Map.Entry<Object, Undo> fixture = fixtures.get(i);
            if (report) {
                System.out.println("JVM shutting down: undoing test fixture " + fixture.getKey());
            }
            try {
                fixture.getValue().run();
            } catch (Exception | Error e) {
                if (report) {
                    System.out.println("could not undo " + fixture.getKey() + ": " + e);
                }
            }
        }
    }

    private static synchronized List<Map.Entry<Object, Undo>> takePending() {
        List<Map.Entry<Object, Undo>> pending = new ArrayList<>();
        PENDING.forEach((fixture, undo) -> pending.add(Map.entry(fixture, undo)));
        PENDING.clear();
        return pending;
    }
}
