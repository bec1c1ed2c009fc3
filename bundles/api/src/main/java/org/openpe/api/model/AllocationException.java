package org.openpe.api.model;

/** A CIDR is too small for this node's index; the message names both. */
public class AllocationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public AllocationException(String message) {
        super(message);
    }
}
