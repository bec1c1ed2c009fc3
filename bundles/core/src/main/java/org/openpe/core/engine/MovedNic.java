package org.openpe.core.engine;

import java.util.List;
import org.openpe.core.engine.kernel.NicRoute;

/**
 * A NIC OpenPE moves or moved into a router namespace, as recorded before each step of the move.
 *
 * @param nic the device name
 * @param namespace the router namespace it goes to (or is in)
 * @param phase how far the move got: the state is written before each step, so a crash leaves
 *     the record one step ahead of the kernel at most, and the next pass completes that step
 * @param addresses the addresses it had in the host namespace
 * @param routes the host namespace's routes through it, added again when it comes back
 */
record MovedNic(String nic, String namespace, Phase phase, List<String> addresses, List<NicRoute> routes) {

    enum Phase {
        /** Being moved into the router namespace: it may be in either, with or without its addresses. */
        MOVING_IN,
        /** In the router namespace with its addresses. */
        IN,
        /** Being handed back: it may be in either, its addresses and routes perhaps not yet restored. */
        MOVING_OUT
    }

    MovedNic {
        addresses = List.copyOf(addresses);
        routes = List.copyOf(routes);
    }

    MovedNic in(Phase next) {
        return new MovedNic(nic, namespace, next, addresses, routes);
    }
}
