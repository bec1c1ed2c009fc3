package org.openpe.frr;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The FRR instances of this runtime, one per pathspace. Registered as an OSGi service; when the
 * service goes away (bundle stop, update, runtime restart) every instance stops supervising but
 * its daemons keep running, so BGP sessions survive and the next runtime adopts them.
 */
@ProviderType
public interface FrrManager {

    /**
     * The instance of {@code settings.pathspace()}, created on first use. With
     * {@code supervise}, creating it starts the missing daemons in the router namespace (running
     * ones are adopted, not restarted), which takes a few seconds. Asking again with other
     * settings for the same pathspace closes the old instance (daemons keep running) and creates
     * a new one.
     *
     * @throws FrrException when the namespace, binaries or directories are missing or a daemon
     *     does not start
     */
    FrrInstance instance(FrrSettings settings);

    /** The instance of a pathspace, if one was created. */
    Optional<FrrInstance> find(String pathspace);
}
