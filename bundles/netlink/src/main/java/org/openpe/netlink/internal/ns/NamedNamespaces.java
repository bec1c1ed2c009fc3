package org.openpe.netlink.internal.ns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.openpe.netlink.NetlinkException;
import org.openpe.netlink.internal.ffi.Errno;
import org.openpe.netlink.internal.ffi.LibC;
import org.openpe.netlink.internal.ffi.Native;
import org.openpe.netlink.internal.socket.Failures;

/** Named network namespaces exactly like iproute2's {@code ip netns add/delete} (ip/ipnetns.c). */
public final class NamedNamespaces {
    public static final Path RUN_DIR = Path.of("/run/netns");
    private static final int O_CREAT = 0100;
    private static final int O_EXCL = 0200;
    private static final int O_DIRECTORY = 0200000;
    private static final int LOCK_EX = 2;
    private static final long MS_BIND = 0x1000;
    private static final long MS_REC = 0x4000;
    private static final long MS_SHARED = 0x100000;
    private static final int MNT_DETACH = 2;
    private static final int NAME_MAX = 255;
    private static final long CREATE_TIMEOUT_MILLIS = 10_000;

    private NamedNamespaces() {
    }

    public static Path path(String name) {
        if (name == null || name.isEmpty() || name.length() > NAME_MAX || name.contains("/")
                || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("invalid network namespace name '" + name + "'");
        }
        return RUN_DIR.resolve(name);
    }

    public static void create(String name) {
        String operation = "create network namespace " + name;
        Path path = path(name);
        LibC libc = Native.libc();
        makeRunDirShared(operation);
        int fd = libc.open(path.toString(), Namespaces.O_RDONLY | O_CREAT | O_EXCL | Namespaces.O_CLOEXEC, 0);
        if (fd < 0) {
            int errno = Native.errno();
            throw Failures.kernel(errno, errno == Errno.EEXIST ? "namespace already exists" : "", Failures.CAP_SYS_ADMIN)
                    .during(operation);
        }
        libc.close(fd);
        try {
            // A fresh thread unshares and bind-mounts its own namespace file; the mount keeps the namespace
            // alive after the thread dies. /proc/self would name the JVM main thread's (host) namespace.
            Namespaces.onThrowAwayThread("netns-create-" + name, () -> {
                if (libc.unshare(Namespaces.CLONE_NEWNET) != 0) {
                    throw Failures.lastError("unshare network namespace", Failures.CAP_SYS_ADMIN);
                }
                if (libc.mount("/proc/thread-self/ns/net", path.toString(), "none", MS_BIND, null) != 0) {
                    throw Failures.lastError("bind-mount namespace to " + path, Failures.CAP_SYS_ADMIN);
                }
                return null;
            }, CREATE_TIMEOUT_MILLIS);
        } catch (NetlinkException e) {
            deleteQuietly(path);
            throw e.during(operation);
        }
    }

    public static void delete(String name) {
        Path path = path(name);
        if (!Files.exists(path)) {
            throw new NetlinkException(Errno.ENOENT, "no such network namespace", "delete network namespace " + name);
        }
        // Like iproute2: a failing unmount (e.g. not mounted) must not keep the name around.
        Native.libc().umount2(path.toString(), MNT_DETACH);
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException("delete network namespace " + name + ": cannot remove " + path, e);
        }
    }

    /** Opens the namespace the name refers to now; the descriptor keeps it alive (see {@link #rename}). */
    public static int open(String name) {
        int fd = Native.libc().open(path(name).toString(), Namespaces.O_RDONLY | Namespaces.O_CLOEXEC, 0);
        if (fd < 0) {
            throw Failures.lastError("open network namespace " + name, Failures.CAP_SYS_ADMIN);
        }
        return fd;
    }

    /** Whether the name refers to the namespace of the descriptor. */
    public static boolean names(String name, int fd) {
        try {
            return identity(path(name)).equals(identity(descriptor(fd)));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Gives the namespace of the descriptor the name again, after {@code ip netns delete} removed it
     * while the namespace lived on. A file left without a namespace mounted on it (a creation cut
     * short) is reused; the name of another namespace is never taken.
     */
    public static void rename(String name, int fd) {
        String operation = "give network namespace " + name + " its name back";
        Path path = path(name);
        makeRunDirShared(operation);
        try {
            if (Files.exists(path) && identity(path).dev() == identity(descriptor(fd)).dev()) {
                throw new NetlinkException(Errno.EEXIST, "the name refers to another namespace", operation);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(operation, e);
        }
        LibC libc = Native.libc();
        int created = libc.open(path.toString(), Namespaces.O_RDONLY | O_CREAT | Namespaces.O_CLOEXEC, 0);
        if (created < 0) {
            throw Failures.lastError(operation + ": create " + path, Failures.CAP_SYS_ADMIN);
        }
        libc.close(created);
        if (libc.mount(descriptor(fd).toString(), path.toString(), "none", MS_BIND, null) != 0) {
            throw Failures.lastError(operation + ": bind-mount it to " + path, Failures.CAP_SYS_ADMIN);
        }
    }

    public static void close(int fd) {
        Native.libc().close(fd);
    }

    private record Identity(long dev, long ino) {}

    private static Identity identity(Path path) throws IOException {
        return new Identity(((Number) Files.getAttribute(path, "unix:dev")).longValue(),
                ((Number) Files.getAttribute(path, "unix:ino")).longValue());
    }

    private static Path descriptor(int fd) {
        return Path.of("/proc/self/fd/" + fd);
    }

    public static boolean exists(String name) {
        return Files.exists(path(name));
    }

    public static List<String> list() {
        if (!Files.isDirectory(RUN_DIR)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(RUN_DIR)) {
            return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + RUN_DIR, e);
        }
    }

    /**
     * Makes /run/netns a shared mount point (binding it onto itself first if it is not a mount point), under
     * flock like iproute2, so that namespace mounts and their removal propagate to every mount namespace.
     */
    private static void makeRunDirShared(String operation) {
        LibC libc = Native.libc();
        try {
            Files.createDirectories(RUN_DIR);
        } catch (IOException e) {
            throw new UncheckedIOException(operation + ": cannot create " + RUN_DIR, e);
        }
        int lock = libc.open(RUN_DIR.toString(), Namespaces.O_RDONLY | O_DIRECTORY | Namespaces.O_CLOEXEC, 0);
        if (lock < 0) {
            throw Failures.lastError(operation + ": open " + RUN_DIR, Failures.CAP_SYS_ADMIN);
        }
        try {
            if (libc.flock(lock, LOCK_EX) != 0) {
                throw Failures.lastError(operation + ": lock " + RUN_DIR, Failures.CAP_SYS_ADMIN);
            }
            boolean boundOntoItself = false;
            while (libc.mount("", RUN_DIR.toString(), "none", MS_SHARED | MS_REC, null) != 0) {
                if (Native.errno() != Errno.EINVAL || boundOntoItself) {
                    throw Failures.lastError(operation + ": make " + RUN_DIR + " shared", Failures.CAP_SYS_ADMIN);
                }
                if (libc.mount(RUN_DIR.toString(), RUN_DIR.toString(), "none", MS_BIND | MS_REC, null) != 0) {
                    throw Failures.lastError(operation + ": bind " + RUN_DIR + " onto itself", Failures.CAP_SYS_ADMIN);
                }
                boundOntoItself = true;
            }
        } finally {
            libc.close(lock);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the original failure is what the caller needs to see
        }
    }
}
