package org.openpe.frr;

/** FRR cannot be started, reached or queried; the message says which daemon, path or command. */
public class FrrException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FrrException(String message) {
        super(message);
    }

    public FrrException(String message, Throwable cause) {
        super(message, cause);
    }
}
