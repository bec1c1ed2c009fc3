package org.openpe.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openpe.api.ResourceType;
import org.openpe.core.definition.Definitions;

/**
 * Reads the reference project's Kubernetes manifests (multi-document YAML, apiVersion
 * {@value #API_VERSION}) and turns each object into the properties of its {@code .cfg} file:
 * {@code metadata.name} is the name, {@code spec} becomes dotted keys with 0-based list indexes
 * (lists of plain values are written comma-separated), in manifest order.
 */
public final class YamlImporter {

    public static final String API_VERSION = "openpe.openperouter.github.io/v1alpha1";
    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());

    private YamlImporter() {}

    public static List<ImportedResource> read(Path file, Definitions definitions) throws ImportException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return read(file.getFileName().toString(), reader, definitions);
        } catch (IOException e) {
            throw new ImportException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    public static List<ImportedResource> read(String fileName, Reader reader, Definitions definitions)
            throws ImportException {
        List<ImportedResource> result = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(reader)) {
            int index = 0;
            while (documents.hasNextValue()) {
                JsonNode doc = documents.nextValue();
                index++;
                if (doc == null || doc.isNull() || doc.isMissingNode() || doc.isEmpty() && doc.isObject()) {
                    continue;
                }
                result.add(resource(fileName + " document " + index, doc, definitions));
            }
        } catch (JsonProcessingException e) {
            throw new ImportException(fileName + ": is not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new ImportException(fileName + ": cannot be read: " + e.getMessage(), e);
        }
        return result;
    }

    private static ImportedResource resource(String origin, JsonNode doc, Definitions definitions)
            throws ImportException {
        if (!doc.isObject()) {
            throw new ImportException(origin + ": is not a Kubernetes object");
        }
        String apiVersion = doc.path("apiVersion").asText("");
        if (!API_VERSION.equals(apiVersion)) {
            throw new ImportException(origin + ": apiVersion '" + apiVersion + "' is not " + API_VERSION);
        }
        String kind = doc.path("kind").asText("");
        Optional<ResourceType> type = definitions.byKind(kind);
        if (type.isEmpty()) {
            throw new ImportException(origin + ": kind '" + kind + "' is not one of "
                    + definitions.types().stream().map(ResourceType::kind).collect(Collectors.joining(", ")));
        }
        String name = doc.path("metadata").path("name").asText("");
        if (name.isBlank()) {
            throw new ImportException(origin + ": metadata.name is missing");
        }
        JsonNode spec = doc.path("spec");
        Map<String, String> properties = new LinkedHashMap<>();
        if (!spec.isMissingNode() && !spec.isNull()) {
            if (!spec.isObject()) {
                throw new ImportException(origin + ": spec is not a mapping");
            }
            flatten("", spec, properties);
        }
        return new ImportedResource(type.get(), name, origin, properties);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix + e.getKey() + ".", e.getValue(), out));
        } else if (node.isArray()) {
            String key = prefix.substring(0, prefix.length() - 1);
            boolean plain = true;
            for (JsonNode element : node) {
                plain &= element.isValueNode() && !element.asText().contains(",");
            }
            if (plain) {
                List<String> values = new ArrayList<>();
                node.forEach(element -> values.add(element.asText()));
                out.put(key, String.join(",", values));
            } else {
                for (int i = 0; i < node.size(); i++) {
                    flatten(prefix + i + ".", node.get(i), out);
                }
            }
        } else if (!node.isNull()) {
            out.put(prefix.substring(0, prefix.length() - 1), node.asText());
        }
    }
}
