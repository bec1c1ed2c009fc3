package org.openpe.netlink;

import java.util.List;

import org.openpe.netlink.internal.ns.NamedNamespaces;

/**
 * Named network namespaces compatible with {@code ip netns}: bind mounts under the shared mount point
 * {@code /run/netns}. Needs CAP_SYS_ADMIN.
 */
public final class NetNamespaces {
    private NetNamespaces() {
    }

    /** Creates an empty namespace; fails with EEXIST when the name is taken. */
    public static void create(String name) {
        NamedNamespaces.create(name);
    }

    /** Deletes the name; the kernel tears the namespace down once nothing else holds it. */
    public static void delete(String name) {
        NamedNamespaces.delete(name);
    }

    public static boolean exists(String name) {
        return NamedNamespaces.exists(name);
    }

    /**
     * Holds the namespace the name refers to now: it stays alive while held, and its name can be
     * given back should {@code ip netns delete} remove it.
     */
    public static NamespaceHold hold(String name) {
        return new NamespaceHold(name, NamedNamespaces.open(name));
    }

    /** Names of all named namespaces, sorted. */
    public static List<String> list() {
        return NamedNamespaces.list();
    }
}
