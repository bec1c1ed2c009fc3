package org.openpe.core.config;

/** A configuration that cannot be mapped onto its resource's fields; the message names the key and value. */
public class BindingException extends Exception {
    private static final long serialVersionUID = 1L;

    public BindingException(String message) {
        super(message);
    }
}
