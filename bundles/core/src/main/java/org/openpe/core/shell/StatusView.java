package org.openpe.core.shell;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.openpe.core.config.ResourceEntry;
import org.openpe.core.config.Snapshot;
import org.openpe.core.status.ResourceStatus;
import org.openpe.core.status.StatusBoard;
import org.openpe.core.validation.Verdict;

/** The status shown for a resource: the board's, except for entries the board cannot hold (duplicate names). */
final class StatusView {

    private StatusView() {}

    static ResourceStatus of(ResourceEntry entry, Snapshot snapshot, StatusBoard board) {
        boolean owner = snapshot.entry(entry.key()).filter(e -> e == entry).isPresent();
        if (owner) {
            var status = board.status(entry.key());
            if (status.isPresent()) {
                return status.get();
            }
        }
        return fromVerdict(entry.verdict());
    }

    static ResourceStatus fromVerdict(Verdict verdict) {
        if (verdict instanceof Verdict.Invalid) {
            return ResourceStatus.invalid(verdict.message());
        } else if (verdict instanceof Verdict.Blocked b) {
            return ResourceStatus.blocked(b.dependency(), b.reason());
        }
        return ResourceStatus.pending();
    }

    /** {@code Pending}, {@code Invalid}, ... as spec section 7 names them. */
    static String name(ResourceStatus status) {
        String n = status.state().name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    static ObjectNode json(ResourceStatus status) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("state", name(status));
        node.put("reason", status.message());
        status.dependency().ifPresent(d -> node.put("dependency", d));
        node.put("since", status.since().toString());
        return node;
    }
}
