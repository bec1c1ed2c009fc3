package org.openpe.core.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openpe.core.config.ResourceKey;

/**
 * What a reconcile would change, computed by the steps of a pass without changing anything.
 *
 * @param kernel the kernel changes in the order a pass makes them, each with the resources that declare its object
 * @param nic the moves of the underlay NIC between the host and the router namespace
 * @param frr the FRR commands in the order an apply sends them, passwords masked
 * @param resources per resource that changes or whose objects change: what it does and its part of the changes
 * @param problems what a pass would refuse or could not do (resource or object to reason)
 * @param notes what qualifies the plan (FRR's state not known, plugins awaited)
 */
public record ChangePlan(List<KernelStep> kernel, List<String> nic, List<String> frr, List<ResourcePlan> resources,
        Map<String, String> problems, List<String> notes) {

    public ChangePlan {
        kernel = List.copyOf(kernel);
        nic = List.copyOf(nic);
        frr = List.copyOf(frr);
        resources = List.copyOf(resources);
        problems = Map.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** One kernel change and the resources whose declaration it serves (none: an object no resource declares any more). */
    public record KernelStep(String change, Set<ResourceKey> owners) {
        public KernelStep {
            owners = Set.copyOf(owners);
        }
    }

    /** What happens to a resource: its version is created, modified or deleted, or it is unchanged but its objects drifted. */
    public enum Action { CREATE, MODIFY, DELETE, REPAIR }

    /**
     * @param frr the commands its change alone accounts for: the delta from the planned configuration with this
     *     resource as before to the planned configuration
     */
    public record ResourcePlan(ResourceKey key, Action action, List<String> kernel, List<String> frr) {
        public ResourcePlan {
            kernel = List.copyOf(kernel);
            frr = List.copyOf(frr);
        }
    }

    /** Whether a reconcile would change anything. */
    public boolean changes() {
        return !kernel.isEmpty() || !nic.isEmpty() || !frr.isEmpty();
    }
}
