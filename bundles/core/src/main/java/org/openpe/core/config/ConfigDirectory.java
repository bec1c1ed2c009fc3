package org.openpe.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.openpe.api.ResourceType;
import org.openpe.core.definition.Definitions;

/**
 * The OpenPE configurations of a directory, read the way the runtime would see them: every
 * {@code org.openpe.<type>-<name>.cfg}, {@code org.openpe.node.cfg}, and the resources of reference
 * YAML manifests ({@code .yaml}, {@code .yml}). Other files are skipped.
 *
 * @param resources in file-name order
 * @param node the node settings file, if there is one
 * @param skipped files that are not OpenPE configurations
 */
public record ConfigDirectory(List<Candidate> resources, Optional<NodeFile> node, List<Path> skipped) {

    /** The {@code org.openpe.node.cfg} of the directory. */
    public record NodeFile(ConfigSource source, Map<String, Object> properties) {}

    public static ConfigDirectory read(Path dir, Definitions definitions) throws ImportException {
        if (!Files.isDirectory(dir)) {
            throw new ImportException(dir + ": is not a directory");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new ImportException(dir + ": cannot be listed: " + e.getMessage(), e);
        }
        List<Candidate> resources = new ArrayList<>();
        Optional<NodeFile> node = Optional.empty();
        List<Path> skipped = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            ConfigSource source = new ConfigSource(name, Optional.of(file.toString()));
            if (name.equals(ConfigTracker.NODE_PID + ".cfg")) {
                node = Optional.of(new NodeFile(source, CfgFiles.read(file)));
            } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                for (ImportedResource r : YamlImporter.read(file, definitions)) {
                    resources.add(Candidate.of(new ResourceKey(r.type(), r.name()),
                            new ConfigSource(r.origin(), Optional.empty()), Map.copyOf(r.properties())));
                }
            } else {
                Optional<Candidate> cfg = cfg(file, source, definitions);
                if (cfg.isPresent()) {
                    resources.add(cfg.get());
                } else {
                    skipped.add(file);
                }
            }
        }
        return new ConfigDirectory(resources, node, skipped);
    }

    private static Optional<Candidate> cfg(Path file, ConfigSource source, Definitions definitions)
            throws ImportException {
        String name = file.getFileName().toString();
        if (!name.endsWith(".cfg")) {
            return Optional.empty();
        }
        Optional<ResourceType> type = ResourceFiles.factoryPid(name).flatMap(definitions::byFactoryPid);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> properties = CfgFiles.read(file);
        String resourceName = ResourceNames.derive(type.get().factoryPid(), name, Map.of(
                ResourceNames.FILE_PROPERTY, file.toString(), "name", properties.getOrDefault("name", "")))
                .orElseThrow();
        return Optional.of(Candidate.of(new ResourceKey(type.get(), resourceName), source, properties));
    }
}
