package org.openpe.netlink.internal.ns;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

import org.openpe.netlink.NetlinkException;
import org.openpe.netlink.internal.ffi.Errno;

/**
 * A single thread that lives in one network namespace for its whole life. Work that depends on the thread's
 * namespace (opening sockets, /proc/sys files) runs here. The thread enters the namespace before its first
 * task unless it is already there (threads inherit the namespace of the thread that starts them).
 */
public final class NamespaceExecutor implements AutoCloseable {
    private final ExecutorService executor;
    private final int nsFd;
    private final String nsId;
    private final String label;
    private final long timeoutMillis;
    /** Confined to the executor thread. */
    private boolean entered;

    public NamespaceExecutor(int nsFd, String nsId, String label, long timeoutMillis) {
        this.nsFd = nsFd;
        this.nsId = nsId;
        this.label = label;
        this.timeoutMillis = timeoutMillis;
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "netns-" + label);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code task} inside the namespace and waits for it (bounded by the handle timeout). */
    public <T> T call(String operation, Callable<T> task) {
        Future<T> future;
        try {
            future = executor.submit(() -> {
                enterOnce();
                return task.call();
            });
        } catch (RejectedExecutionException e) {
            throw new NetlinkException(Errno.EBADF, "handle for " + label + " is closed", operation);
        }
        return Namespaces.await(future, operation, timeoutMillis);
    }

    /**
     * Runs on the executor thread before every task; a failure to enter fails the task (and is retried by the
     * next one), so no task ever runs in the wrong namespace.
     */
    private void enterOnce() {
        if (!entered) {
            if (nsId == null || !Namespaces.currentId().equals(nsId)) {
                Namespaces.enter(nsFd, label);
            }
            entered = true;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
