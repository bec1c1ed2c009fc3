package org.openpe.core.config;

import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Derives a resource's name from its configuration: an explicit {@code name} property, else the
 * part after the dash of the file name ({@code org.openpe.<type>-red.cfg} or {@code .cfg.json}),
 * else the alias of a named factory PID ({@code org.openpe.<type>~red}). A generated PID
 * ({@code org.openpe.<type>.<uuid>}) is never used as a name.
 */
public final class ResourceNames {

    public static final String FILE_PROPERTY = "felix.fileinstall.filename";

    private ResourceNames() {}

    public static Optional<String> derive(String factoryPid, String pid, Map<String, ?> properties) {
        Object explicit = properties.get("name");
        if (explicit instanceof String s && !s.isBlank()) {
            return Optional.of(s.strip());
        }
        Optional<String> fromFile = file(properties).map(ResourceNames::baseName)
                .filter(base -> base.startsWith(factoryPid + "-"))
                .map(base -> base.substring(factoryPid.length() + 1))
                .filter(name -> !name.isEmpty());
        if (fromFile.isPresent()) {
            return fromFile;
        }
        if (pid.startsWith(factoryPid + "~") && pid.length() > factoryPid.length() + 1) {
            return Optional.of(pid.substring(factoryPid.length() + 1));
        }
        return Optional.empty();
    }

    /** Why a configuration has no name, for its Invalid status. */
    public static String noNameProblem(String factoryPid) {
        return "has no name: add a 'name' property, or name the file etc/" + factoryPid + "-<name>.cfg";
    }

    /** The file FileInstall read this configuration from, as a path. */
    public static Optional<Path> file(Map<String, ?> properties) {
        Object value = properties.get(FILE_PROPERTY);
        if (!(value instanceof String s) || s.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(s.startsWith("file:") ? Path.of(URI.create(s)) : Path.of(s));
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        for (String suffix : new String[] {".cfg.json", ".cfg", ".config"}) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }
}
