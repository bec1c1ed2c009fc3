package org.openpe.core.shell;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openpe.core.status.ResourceStatus;
import org.openpe.core.status.ResourceStatuses;

/** How the shell shows a resource's status; which status that is, {@link ResourceStatuses#shown} decides. */
public final class StatusView {

    private StatusView() {}

    /** {@code Pending}, {@code Invalid}, ... as spec section 7 names them. */
    static String name(ResourceStatus status) {
        return status.stateName();
    }

    /**
     * {@code state}, {@code reason}, {@code generation} (configured), {@code appliedGeneration} (in
     * force, when any) and {@code rejection} (why {@code generation} is not the one applied): a
     * script's edit is live when {@code appliedGeneration} equals {@code generation}.
     */
    static ObjectNode json(ResourceStatus status) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("state", name(status));
        node.put("reason", status.reason());
        status.dependency().ifPresent(d -> node.put("dependency", d));
        node.put("since", status.since().toString());
        node.put("generation", status.generation());
        status.appliedGeneration().ifPresent(g -> node.put("appliedGeneration", g));
        status.rejection().ifPresent(r -> node.put("rejection", r));
        return node;
    }
}
