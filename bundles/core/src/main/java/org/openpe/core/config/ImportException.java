package org.openpe.core.config;

/** A file that cannot be imported or read; the message names the file and what is wrong. */
public class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
