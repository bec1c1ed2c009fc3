package org.openpe.core.config;

import java.nio.file.Path;

/**
 * Where the runtime keeps what must outlive it: the versions in force and the NICs it moved.
 * It is {@code openpe.stateDir} when set (e.g. {@code /var/lib/openpe}), else {@code state/} in
 * Karaf's home, beside {@code etc/} and outside {@code data/}, which an upgrade may wipe.
 */
public final class StateDirectory {

    public static final String PROPERTY = "openpe.stateDir";

    private StateDirectory() {}

    public static Path get() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("karaf.home", "."), "state");
    }
}
