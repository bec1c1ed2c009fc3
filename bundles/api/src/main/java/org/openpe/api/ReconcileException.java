package org.openpe.api;

/** A resource that is valid in itself cannot be realised on this node; the message is shown in its status. */
public class ReconcileException extends Exception {
    private static final long serialVersionUID = 1L;

    public ReconcileException(String message) {
        super(message);
    }
}
