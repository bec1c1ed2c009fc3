package org.openpe.core.status;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.openpe.core.config.ResourceKey;

/**
 * The status of every resource and of the node, kept in memory. The reconcile engine writes each
 * configured resource's status after every pass, stamped with the generation it reflects, and
 * fills the node status. A status of an older generation than the one configured is stale: the
 * shell then derives one from the verdict (see {@code StatusView}).
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
