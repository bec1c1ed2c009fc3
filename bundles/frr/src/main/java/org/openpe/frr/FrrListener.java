package org.openpe.frr;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told what the supervisor did. Called on the supervisor's thread: return quickly.
 */
@ConsumerType
public interface FrrListener {

    /** {@code daemon} had died and runs again as {@code pid}; its configuration is being restored. */
    default void daemonRestarted(FrrInstance instance, String daemon, long pid) {}

    /** {@code daemon} had died and could not be started again; the supervisor keeps trying. */
    default void daemonRestartFailed(FrrInstance instance, String daemon, String reason) {}

    /** The last configuration was applied again after a restart. */
    default void configurationRestored(FrrInstance instance, ApplyResult result) {}

    /**
     * The periodic check found FRR changed behind the instance's back and applied the configuration
     * again ({@code result} says how many lines differed).
     *
     * @since 1.3
     */
    default void driftRepaired(FrrInstance instance, ApplyResult result) {}
}
