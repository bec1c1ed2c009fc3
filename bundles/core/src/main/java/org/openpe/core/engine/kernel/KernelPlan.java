package org.openpe.core.engine.kernel;

import java.util.List;
import java.util.Map;

/**
 * The ordered changes that make the kernel match the desired state, and the declarations that
 * cannot be realised because something OpenPE does not own is in the way (object key to reason).
 */
public record KernelPlan(List<KernelChange> changes, Map<String, String> conflicts) {

    public KernelPlan {
        changes = List.copyOf(changes);
        conflicts = Map.copyOf(conflicts);
    }

    /** This plan with {@code more} changes after its own. */
    public KernelPlan followedBy(List<? extends KernelChange> more) {
        List<KernelChange> all = new java.util.ArrayList<>(changes);
        all.addAll(more);
        return new KernelPlan(all, conflicts);
    }

    public boolean isEmpty() {
        return changes.isEmpty() && conflicts.isEmpty();
    }
}
