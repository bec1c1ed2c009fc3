package org.openpe.core.engine.kernel;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.openpe.api.kernel.Netns;

/**
 * The host and router namespaces as a reconcile pass sees and changes them. Every change a pass
 * makes, the NIC handover and the repair of addresses zebra lost included, is a {@link KernelChange}
 * given to {@link #apply}: one path mutates the kernel.
 */
public interface Kernel extends NicKernel, AutoCloseable {

    /**
     * Gives the router namespace its name back when it was deleted by hand while in use.
     *
     * @return the change made, if any
     */
    Optional<String> keepRouterNamespaceNamed();

    /** Devices, addresses (without IPv6 link-local ones), unreachable routes and the named sysctls of one namespace. */
    KernelView read(Netns netns, Collection<String> sysctlNames);

    /** The current values of the named sysctls of one namespace. */
    Map<String, String> sysctls(Netns netns, Collection<String> names);

    /** The MTU of {@code device}, in the router namespace or else the host's (a NIC before or after its move). */
    OptionalInt mtu(String device);

    /** Applies one change; deleting what is already gone is not an error. */
    void apply(KernelChange change);

    @Override
    void close();
}
