package org.openpe.core.metrics;

import java.util.concurrent.ThreadFactory;

/** The metrics' threads: named, and daemons, so that none holds the JVM at shutdown. */
final class DaemonThreads {

    private DaemonThreads() {}

    static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
