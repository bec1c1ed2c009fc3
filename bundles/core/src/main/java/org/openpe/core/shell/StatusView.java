package org.openpe.core.shell;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalLong;
import org.openpe.core.config.AppliedVersion;
import org.openpe.core.config.ResourceEntry;
import org.openpe.core.config.Snapshot;
import org.openpe.core.status.ResourceStatus;
import org.openpe.core.status.StatusBoard;
import org.openpe.core.validation.Verdict;

/**
 * The status shown for a resource: the engine's, when it reflects the configured generation;
 * otherwise (the engine has not yet reconciled this generation, or the entry is a duplicate name
 * the board cannot hold) the one its verdict implies.
 */
public final class StatusView {

    private StatusView() {}

    public static ResourceStatus of(ResourceEntry entry, Snapshot snapshot, StatusBoard board) {
        boolean owner = snapshot.entry(entry.key()).filter(e -> e == entry).isPresent();
        if (owner) {
            var status = board.status(entry.key()).filter(s -> s.generation() == entry.generation());
            if (status.isPresent()) {
                return status.get();
            }
        }
        return fromEntry(entry);
    }

    static ResourceStatus fromEntry(ResourceEntry entry) {
        OptionalLong applied = entry.applied().stream().mapToLong(AppliedVersion::generation).findFirst();
        Verdict verdict = entry.verdict();
        if (entry.keepsAppliedVersion()) {
            return ResourceStatus.keptApplied(entry.generation(), applied.getAsLong(), verdict.message());
        } else if (verdict instanceof Verdict.Invalid) {
            return ResourceStatus.invalid(entry.generation(), verdict.message());
        } else if (verdict instanceof Verdict.Blocked b) {
            return ResourceStatus.blocked(entry.generation(), b.dependency(), b.reason());
        }
        return ResourceStatus.pending(entry.generation(), applied);
    }

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
