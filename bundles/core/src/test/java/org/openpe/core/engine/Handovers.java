package org.openpe.core.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openpe.core.engine.kernel.Kernel;
import org.openpe.core.engine.kernel.KernelChange;

/** The NIC handover of one pass on its own: planned, applied change by change as a pass applies them, settled. */
final class Handovers {

    private Handovers() {}

    /** @param changes receives a line per change made and per NIC adopted */
    static NicHandover.Outcome reconcile(NicHandover handover, Kernel kernel, List<String> wanted, List<String> changes) {
        NicHandover.Moves moves = handover.plan(kernel, wanted);
        changes.addAll(moves.adoptions());
        Map<KernelChange, String> failed = new HashMap<>();
        for (KernelChange change : moves.changes()) {
            try {
                kernel.apply(change);
                changes.add(change.describe());
            } catch (RuntimeException e) {
                failed.put(change, e.getMessage());
            }
        }
        return handover.settle(moves, failed);
    }
}
