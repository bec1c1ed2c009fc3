package org.openpe.core.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openpe.api.ResourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The properties of every resource version in force, kept in the bundle's data area so that the
 * immutable-field rule still holds after a restart (a CIDR edited while the runtime was stopped
 * is rejected like one edited while it runs).
 */
final class AcceptedVersions {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptedVersions.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, Map<String, Object>>> TYPE = new TypeReference<>() {};

    private final Optional<Path> file;

    AcceptedVersions(Optional<Path> file) {
        this.file = file;
    }

    Map<ResourceKey, Map<String, Object>> load() {
        Map<ResourceKey, Map<String, Object>> result = new LinkedHashMap<>();
        if (file.isEmpty() || !Files.exists(file.get())) {
            return result;
        }
        try {
            JSON.readValue(file.get().toFile(), TYPE).forEach((id, properties) -> {
                int slash = id.indexOf('/');
                ResourceType.byId(id.substring(0, Math.max(slash, 0)))
                        .ifPresent(type -> result.put(new ResourceKey(type, id.substring(slash + 1)), properties));
            });
        } catch (IOException e) {
            LOG.warn("Cannot read {}; changes of immutable fields made while stopped are not detected", file.get(), e);
        }
        return result;
    }

    void save(Map<ResourceKey, Map<String, Object>> versions) {
        if (file.isEmpty()) {
            return;
        }
        Map<String, Map<String, Object>> byId = new TreeMap<>();
        versions.forEach((key, properties) -> byId.put(key.type().id() + "/" + key.name(), new TreeMap<>(properties)));
        Path temp = file.get().resolveSibling(file.get().getFileName() + ".tmp");
        try {
            JSON.writeValue(temp.toFile(), byId);
            Files.move(temp, file.get(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Cannot write {}", file.get(), e);
        }
    }
}
