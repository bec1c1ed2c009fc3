package org.openpe.netlink.internal.ns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.openpe.netlink.NetlinkException;
import org.openpe.netlink.internal.ffi.Errno;
import org.openpe.netlink.internal.ffi.Native;
import org.openpe.netlink.internal.socket.Failures;

/**
 * Network-namespace primitives. {@code setns} and {@code unshare} change only the calling thread, so they are
 * only ever called on threads created for that purpose (never on pooled threads).
 */
public final class Namespaces {
    public static final int CLONE_NEWNET = 0x40000000;
    static final int O_RDONLY = 0;
    static final int O_CLOEXEC = 02000000;
    /** The calling thread's namespace: /proc/self would be the JVM's main thread. */
    private static final Path THREAD_NET_NS = Path.of("/proc/thread-self/ns/net");

    private Namespaces() {
    }

    /** Opens a namespace file (e.g. /run/netns/NAME or /proc/thread-self/ns/net) and returns its fd. */
    public static int openFd(String path, String operation) {
        int fd = Native.libc().open(path, O_RDONLY | O_CLOEXEC, 0);
        if (fd < 0) {
            throw Failures.lastError(operation, Failures.CAP_SYS_ADMIN);
        }
        return fd;
    }

    /** The calling thread's namespace fd. */
    public static int openCurrentFd() {
        return openFd(THREAD_NET_NS.toString(), "open the current network namespace");
    }

    /** Identity of the calling thread's namespace, e.g. {@code net:[4026531840]}. */
    public static String currentId() {
        try {
            return Files.readSymbolicLink(THREAD_NET_NS).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + THREAD_NET_NS, e);
        }
    }

    /** Moves the calling thread into the namespace behind {@code fd}. */
    public static void enter(int fd, String label) {
        if (Native.libc().setns(fd, CLONE_NEWNET) != 0) {
            throw Failures.lastError("enter network namespace " + label, Failures.CAP_SYS_ADMIN);
        }
    }

    /**
     * Runs {@code task} on a new thread that dies afterwards, so a namespace the task enters or creates never
     * leaks into other work.
     */
    public static <T> T onThrowAwayThread(String threadName, Callable<T> task, long timeoutMillis) {
        FutureTask<T> future = new FutureTask<>(task);
        Thread thread = new Thread(future, threadName);
        thread.setDaemon(true);
        thread.start();
        return await(future, threadName, timeoutMillis);
    }

    static <T> T await(java.util.concurrent.Future<T> future, String what, long timeoutMillis) {
        try {
            return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof NetlinkException failure && failure.operation().isEmpty()) {
                throw failure.during(what);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io.getMessage(), io);
            }
            throw new IllegalStateException(what + " failed", cause);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new NetlinkException(Errno.ETIMEDOUT, "no result within " + timeoutMillis + " ms", what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetlinkException(Errno.EINTR, "interrupted while waiting", what);
        }
    }
}
