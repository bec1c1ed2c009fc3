package org.openpe.core.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openpe.api.ResourceType;
import org.openpe.core.definition.Definitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The properties and generation of every resource version in force, and the node settings in
 * force, kept in the state directory ({@link StateDirectory}), readable by its owner only (passwords are among the
 * properties). After a restart, the
 * version in force stays applied while the configured one is rejected, and the immutable-field
 * rule still holds (a CIDR edited while the runtime was stopped is rejected like one edited while
 * it runs).
 */
final class AcceptedVersions {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptedVersions.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, Map<String, Object>>> TYPE = new TypeReference<>() {};
    private static final String GENERATION = "generation";
    private static final String PROPERTIES = "properties";

    private static final String NODE = "node";

    /** One version in force as stored. */
    record Stored(long generation, Map<String, Object> properties) {}

    /** Everything in force: the resources, and the properties of the node settings. */
    record InForce(Map<ResourceKey, Stored> resources, Optional<Map<String, Object>> node) {}

    private final Optional<Path> file;

    AcceptedVersions(Optional<Path> file) {
        this.file = file;
    }

    /**
     * The file in the state directory; the first time, the one an earlier version kept in the
     * bundle's data area is copied there.
     */
    static Path kept(Path file, Optional<Path> earlier) {
        if (!Files.exists(file) && earlier.filter(Files::exists).isPresent()) {
            try {
                Files.createDirectories(file.getParent());
                Files.copy(earlier.get(), file, StandardCopyOption.COPY_ATTRIBUTES);
            } catch (IOException e) {
                LOG.warn("Cannot copy {} to {}; the versions in force before the restart are not known",
                        earlier.get(), file, e);
            }
        }
        return file;
    }

    InForce load() {
        Map<ResourceKey, Stored> resources = new LinkedHashMap<>();
        Optional<Map<String, Object>> node = Optional.empty();
        if (file.isEmpty() || !Files.exists(file.get())) {
            return new InForce(resources, node);
        }
        try {
            Map<String, Map<String, Object>> byId = JSON.readValue(file.get().toFile(), TYPE);
            byId.forEach((id, value) -> {
                int slash = id.indexOf('/');
                ResourceType.idOfFactoryPid(ResourceType.PID_PREFIX + id.substring(0, Math.max(slash, 0)))
                        .ifPresent(type -> resources.put(new ResourceKey(Definitions.unknown(type), id.substring(slash + 1)),
                                stored(value)));
            });
            node = Optional.ofNullable(byId.get(NODE)).map(v -> stored(v).properties());
        } catch (IOException | ClassCastException e) {
            LOG.warn("Cannot read {}; the versions in force before the restart are not known", file.get(), e);
        }
        return new InForce(resources, node);
    }

    /** Reads both this format and the earlier one, which held the properties alone. */
    @SuppressWarnings("unchecked")
    private static Stored stored(Map<String, Object> value) {
        if (value.get(GENERATION) instanceof Number generation && value.get(PROPERTIES) instanceof Map<?, ?> properties) {
            return new Stored(generation.longValue(), (Map<String, Object>) properties);
        }
        return new Stored(1, value);
    }

    /** @return why it could not be written (a full disk, say), leaving the previous file whole */
    Optional<String> save(InForce inForce) {
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<String, Object>> byId = new TreeMap<>();
        inForce.resources().forEach((key, stored) -> byId.put(key.type().id() + "/" + key.name(),
                Map.of(GENERATION, stored.generation(), PROPERTIES, new TreeMap<>(stored.properties()))));
        inForce.node().ifPresent(node -> byId.put(NODE, Map.of(GENERATION, 1, PROPERTIES, new TreeMap<>(node))));
        Path temp = file.get().resolveSibling(file.get().getFileName() + ".tmp");
        try {
            Files.createDirectories(file.get().getParent());
            Files.deleteIfExists(temp);
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            JSON.writeValue(temp.toFile(), byId);
            Files.move(temp, file.get(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.empty();
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the write failed already; that is the error to report
            }
            return Optional.of("cannot write " + file.get() + ": " + e.getMessage());
        }
    }
}
