package org.openpe.core.engine.kernel;

import java.util.List;
import java.util.Optional;
import org.openpe.api.kernel.Netns;

/**
 * What the NIC handover reads of the kernel to plan its moves: where a NIC is, its addresses and
 * the host's routes through it. The moves themselves are {@link KernelChange.MoveLink}s.
 */
public interface NicKernel {

    String routerNamespace();

    /** The namespace the device is in, if it is in either. */
    Optional<Netns> locate(String device);

    /** The device's addresses, link-local ones excepted. */
    List<String> addresses(Netns netns, String device);

    /** The host namespace's routes through the device that the kernel or router advertisements did not make. */
    List<NicRoute> hostRoutes(String device);
}
