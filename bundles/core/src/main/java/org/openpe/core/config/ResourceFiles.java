package org.openpe.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openpe.api.ResourceType;

/**
 * The resource files of a directory ({@code org.openpe.<type>-<name>.cfg}), by file name, with their
 * text: what {@code openpe:apply} puts into {@code etc/} and what a rollback brings back.
 */
public record ResourceFiles(Map<String, String> files) {

    public ResourceFiles {
        files = Map.copyOf(new TreeMap<>(files));
    }

    private static final Pattern RESOURCE_FILE = Pattern.compile("(" + Pattern.quote(ResourceType.PID_PREFIX)
            + "[a-z][a-z0-9]*)-.+\\.cfg");

    /** Whether a file is an {@code org.openpe.<type>-<name>.cfg}, of any type, defined by a plugin or not. */
    public static boolean isResourceFile(String name) {
        return factoryPid(name).isPresent();
    }

    /** The factory PID of a resource file's name ({@code org.openpe.<type>}). */
    public static Optional<String> factoryPid(String fileName) {
        Matcher m = RESOURCE_FILE.matcher(fileName);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static ResourceFiles read(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (isResourceFile(name)) {
                    files.put(name, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        return new ResourceFiles(files);
    }

    /** Per file, the resource properties config admin will hold once FileInstall has read it. */
    public Map<String, Map<String, Object>> properties() {
        Map<String, Map<String, Object>> properties = new LinkedHashMap<>();
        files.forEach((name, text) -> properties.put(name, PropertyTree.resourceProperties(CfgFiles.parse(text))));
        return properties;
    }

    /**
     * Makes these the resource files of {@code dir}: writes the new and changed ones (atomically,
     * owner-only) and deletes the others.
     */
    public void replaceIn(Path dir) throws IOException {
        ResourceFiles present = read(dir);
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (!file.getValue().equals(present.files().get(file.getKey()))) {
                CfgFiles.write(dir.resolve(file.getKey()), file.getValue());
            }
        }
        for (String name : present.files().keySet()) {
            if (!files.containsKey(name)) {
                Files.deleteIfExists(dir.resolve(name));
            }
        }
    }
}
