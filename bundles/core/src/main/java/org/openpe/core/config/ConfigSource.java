package org.openpe.core.config;

import java.util.Optional;

/**
 * Where a configuration came from.
 *
 * @param pid the config admin PID (or, outside config admin, a file-based identifier)
 * @param file the file it was read from ({@code felix.fileinstall.filename}, or the validated file)
 */
public record ConfigSource(String pid, Optional<String> file) {

    @Override
    public String toString() {
        return file.orElse(pid);
    }
}
