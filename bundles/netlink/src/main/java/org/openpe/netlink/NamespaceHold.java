package org.openpe.netlink;

import org.openpe.netlink.internal.ns.NamedNamespaces;

/** An open reference to a named network namespace (see {@link NetNamespaces#hold}). */
public final class NamespaceHold implements AutoCloseable {

    private final String name;
    private final int fd;

    NamespaceHold(String name, int fd) {
        this.name = name;
        this.fd = fd;
    }

    public String name() {
        return name;
    }

    /** Whether {@code /run/netns/<name>} still refers to the held namespace. */
    public boolean isNamed() {
        return NamedNamespaces.names(name, fd);
    }

    /**
     * Gives the held namespace its name back when the name is gone (deleted by hand) or left
     * unmounted; fails with EEXIST when the name refers to another namespace.
     */
    public void restoreName() {
        NamedNamespaces.rename(name, fd);
    }

    @Override
    public void close() {
        NamedNamespaces.close(fd);
    }
}
