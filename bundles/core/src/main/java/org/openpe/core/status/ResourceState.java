package org.openpe.core.status;

/**
 * The states of spec section 7, of what is realised for a resource: {@code APPLIED} also while a
 * rejected candidate leaves an earlier version applied (see {@link ResourceStatus#rejection()}).
 */
public enum ResourceState {
    /** Valid and waiting to be applied. */
    PENDING,
    /** Rejected by validation; the message says why. */
    INVALID,
    /** Valid, but waiting for another resource or the node settings, named in the status. */
    BLOCKED,
    /** Realised in the kernel and FRR. */
    APPLIED,
    /** Applying failed (kernel or FRR); the message has the error. */
    FAILED,
    /** No plugin for its type is installed. */
    UNSUPPORTED
}
