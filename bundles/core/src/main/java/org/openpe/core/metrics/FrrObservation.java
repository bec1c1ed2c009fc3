package org.openpe.core.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openpe.frr.BgpNeighborState;
import org.openpe.frr.EvpnRoute;
import org.openpe.frr.EvpnVni;

/**
 * FRR's sessions, VNIs and EVPN routes as read at one moment.
 *
 * @param problem why FRR could not be read (then the lists are empty)
 */
record FrrObservation(Instant at, List<BgpNeighborState> neighbors, List<EvpnVni> vnis, List<EvpnRoute> routes,
        Optional<String> problem) {

    static FrrObservation failed(Instant at, String problem) {
        return new FrrObservation(at, List.of(), List.of(), List.of(), Optional.of(problem));
    }

    boolean ok() {
        return problem.isEmpty();
    }
}
