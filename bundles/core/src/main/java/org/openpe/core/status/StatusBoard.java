package org.openpe.core.status;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.openpe.core.config.ResourceKey;

/**
 * The status of every resource and of the node, kept in memory. The resource store writes
 * {@code PENDING}, {@code INVALID} and {@code BLOCKED} after each validation; the reconcile engine
 * writes {@code APPLIED}, {@code FAILED} and {@code UNSUPPORTED} for resources whose verdict is
 * valid, and fills the node status.
 */
public interface StatusBoard {

    Optional<ResourceStatus> status(ResourceKey key);

    /** Every resource's status, sorted by key. */
    Map<ResourceKey, ResourceStatus> all();

    /** Sets a status; an equal status (state, message, dependency) keeps its original {@code since}. */
    void set(ResourceKey key, ResourceStatus status);

    void remove(ResourceKey key);

    NodeStatus node();

    void updateNode(UnaryOperator<NodeStatus> change);
}
