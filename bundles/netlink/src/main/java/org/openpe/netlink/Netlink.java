package org.openpe.netlink;

import java.time.Duration;

import org.openpe.netlink.internal.ns.NamedNamespaces;
import org.openpe.netlink.internal.ns.Namespaces;

/**
 * Entry point: opens a {@link NetlinkHandle} on a network namespace. Named namespaces are managed with
 * {@link NetNamespaces}.
 */
public final class Netlink {
    /** Bound on every kernel round trip and on work run inside a namespace. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private Netlink() {
    }

    /** A handle on the named namespace {@code namespace} (as in {@code ip netns}). */
    public static NetlinkHandle open(String namespace) {
        return open(namespace, DEFAULT_TIMEOUT);
    }

    public static NetlinkHandle open(String namespace, Duration timeout) {
        String path = NamedNamespaces.path(namespace).toString();
        int fd = Namespaces.openFd(path, "open network namespace " + namespace);
        return NetlinkHandle.open(fd, null, "in " + namespace, timeout);
    }

    /**
     * A handle on the namespace the calling thread is in now; normally the process's namespace, which need
     * not be the host's (the runtime may itself run inside a namespace).
     */
    public static NetlinkHandle openCurrent() {
        return openCurrent(DEFAULT_TIMEOUT);
    }

    public static NetlinkHandle openCurrent(Duration timeout) {
        int fd = Namespaces.openCurrentFd();
        return NetlinkHandle.open(fd, Namespaces.currentId(), "in the current namespace", timeout);
    }
}
