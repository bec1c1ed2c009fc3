package org.openpe.core.engine.kernel;

import java.util.List;
import java.util.Optional;
import org.openpe.api.kernel.Netns;

/** What the NIC handover needs of the kernel: where a NIC is, its addresses and routes, and moving it. */
public interface NicKernel {

    String routerNamespace();

    /** The namespace the device is in, if it is in either. */
    Optional<Netns> locate(String device);

    /** The device's addresses, link-local ones excepted. */
    List<String> addresses(Netns netns, String device);

    /** The host namespace's routes through the device that the kernel or router advertisements did not make. */
    List<NicRoute> hostRoutes(String device);

    /** Moves the device (the kernel drops its addresses and routes on the way). */
    void move(String device, Netns from, Netns to);

    /** Adds those of the addresses the device lacks, and brings it up. */
    void restore(Netns netns, String device, List<String> addresses);

    /**
     * Adds those of the routes the host namespace lacks.
     *
     * @return the routes the kernel refused, each with why
     */
    List<String> restoreHostRoutes(String device, List<NicRoute> routes);
}
