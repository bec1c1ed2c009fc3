package org.openpe.core.shell;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.openpe.api.model.Resource;
import org.openpe.core.config.Candidate;
import org.openpe.core.config.ConfigDirectory;
import org.openpe.core.config.ResourceEntry;
import org.openpe.core.config.ResourceFiles;
import org.openpe.core.config.Snapshot;
import org.openpe.core.definition.Definitions;
import org.openpe.core.validation.ConfigValidator;
import org.openpe.core.validation.Verdict;

/**
 * A directory's resource {@code .cfg} files validated as the runtime would validate them in place
 * of the current ones: with this node's settings, each against its version in force. The input of
 * {@code openpe:plan <dir>} and {@code openpe:apply}.
 */
record ResourceDirectory(Path dir, ResourceFiles files, List<ResourceEntry> entries, boolean hasNodeFile) {

    static ResourceDirectory read(String dir, Snapshot current, Definitions definitions) throws Exception {
        Path path = Path.of(dir);
        ConfigDirectory directory = ConfigDirectory.read(path, definitions);
        List<Candidate> yaml = directory.resources().stream().filter(c -> c.source().file().isEmpty()).toList();
        if (!yaml.isEmpty()) {
            throw new IllegalArgumentException(dir + " holds YAML manifests (" + yaml.get(0).source()
                    + "): turn them into .cfg files first (openpe:import <yaml> --dir " + dir + ")");
        }
        List<Candidate> candidates = directory.resources().stream().map(c -> new Candidate(c.key(), c.source(),
                c.properties(), 1, current.entry(c.key()).flatMap(ResourceEntry::applied), c.identityProblem())).toList();
        return new ResourceDirectory(path, ResourceFiles.read(path), ConfigValidator.validate(candidates, current.node(), definitions),
                directory.node().isPresent());
    }

    /** Each resource that would not be applied, with why (resource, field and value). */
    List<String> problems() {
        return entries.stream().filter(e -> !e.isValid())
                .map(e -> e.verdict() instanceof Verdict.Blocked ? e.key() + " is blocked: " + e.verdict().message()
                        : e.verdict().message()).toList();
    }

    List<Resource> resources() {
        return entries.stream().map(e -> e.resource().orElseThrow()).toList();
    }

    /** Prints the problems and throws, so that the command exits with status 1, when any resource is not valid. */
    void requireValid(PrintStream out, boolean json) {
        List<String> problems = problems();
        if (problems.isEmpty()) {
            return;
        }
        if (!json) {
            problems.forEach(p -> out.println("! " + p));
        }
        throw new IllegalStateException(problems.size() + " of " + entries.size() + " resources in " + dir
                + " would not be applied: " + String.join("; ", problems));
    }

    /** Why the directory's node settings file, if any, is left alone. */
    void noteNodeFile(PrintStream out) {
        if (hasNodeFile) {
            out.println("note: org.openpe.node.cfg of " + dir + " is ignored: the node settings are edited in etc/ itself");
        }
    }
}
