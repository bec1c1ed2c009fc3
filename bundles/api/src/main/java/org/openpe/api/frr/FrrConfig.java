package org.openpe.api.frr;

import java.util.List;
import java.util.Optional;

/**
 * The whole configuration of the router's FRR instance, rendered deterministically to one
 * integrated {@code frr.conf}.
 *
 * @param defaultRouter empty when no underlay is configured
 */
public record FrrConfig(
        String hostname,
        String logLevel,
        List<VrfVni> vrfVnis,
        List<BfdProfile> bfdProfiles,
        Optional<BgpRouter> defaultRouter,
        List<BgpRouter> vrfRouters) {

    public FrrConfig {
        vrfVnis = List.copyOf(vrfVnis);
        bfdProfiles = List.copyOf(bfdProfiles);
        vrfRouters = List.copyOf(vrfRouters);
    }
}
