package org.openpe.core.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openpe.api.frr.FrrConfig;
import org.openpe.api.kernel.KernelObject;
import org.openpe.core.config.ResourceKey;

/**
 * Everything the node should hold: the merged kernel declarations of all realisable resources,
 * who declared each of them, and the FRR configuration.
 *
 * @param owners object key to the resources that declared it
 * @param contributed the resources whose contribution is part of this state
 * @param failed resources whose contribution was refused, with the reason
 * @param unsupported resources of a type no installed plugin handles, with the reason
 */
public record DesiredState(
        List<KernelObject> kernel,
        Map<String, Set<ResourceKey>> owners,
        FrrConfig frr,
        Set<ResourceKey> contributed,
        Map<ResourceKey, String> failed,
        Map<ResourceKey, String> unsupported) {

    public DesiredState {
        kernel = List.copyOf(kernel);
        owners = Map.copyOf(owners);
        contributed = Set.copyOf(contributed);
        failed = Map.copyOf(failed);
        unsupported = Map.copyOf(unsupported);
    }
}
