package org.openpe.api;

import org.openpe.api.model.Resource;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A resource plugin. Registered as an OSGi service with the {@link #RESOURCE_TYPE} property set to a
 * {@link ResourceType#id()}, beside the {@link org.openpe.api.definition.ResourceDefinition}
 * of that type; the core picks it up through the whiteboard pattern.
 *
 * <p>Implementations are pure: the same resource and node context always give the same
 * contribution, and nothing is changed on the machine. The core diffs the union of all
 * contributions against the kernel and FRR and applies the difference.
 */
@ConsumerType
public interface Reconciler {

    /** Service property naming the {@link ResourceType#id()} this reconciler handles. */
    String RESOURCE_TYPE = "openpe.resource.type";

    /**
     * The kernel objects and FRR configuration that {@code resource} needs on this node.
     *
     * @throws ReconcileException when the resource cannot be realised on this node (for example an
     *     address that does not fit its CIDR); the core marks only this resource as failed
     */
    Contribution contribute(Resource resource, NodeContext node) throws ReconcileException;
}
