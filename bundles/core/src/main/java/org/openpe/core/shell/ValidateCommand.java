package org.openpe.core.shell;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.openpe.core.config.ConfigDirectory;
import org.openpe.core.config.ResourceEntry;
import org.openpe.core.config.ResourceStore;
import org.openpe.core.definition.Definitions;
import org.openpe.core.validation.ConfigValidator;
import org.openpe.core.validation.NetworkInterfaceAddresses;
import org.openpe.core.validation.NodeRules;
import org.openpe.core.validation.NodeState;
import org.openpe.core.validation.Verdict;

@Service
@Command(scope = "openpe", name = "validate",
        description = "Validates the .cfg files and reference YAML manifests of a directory as one configuration, without applying anything; fails when any resource would not be applied (Invalid or Blocked)")
public class ValidateCommand extends OpenpeCommand {

    @Argument(index = 0, name = "dir", required = true, description = "The directory, e.g. a copy of etc/")
    @Completion(FileCompleter.class)
    String dir;

    @Argument(index = 1, name = "options", multiValued = true,
            description = "Options may also follow the arguments")
    List<String> trailing;

    /** Supplies this node's settings when the directory has no org.openpe.node.cfg. */
    @Reference(optional = true)
    ResourceStore store;

    @Reference
    Definitions definitions;

    @Override
    List<String> trailing() {
        return trailing == null ? List.of() : trailing;
    }

    @Override
    void run(PrintStream out) throws Exception {
        ConfigDirectory directory = ConfigDirectory.read(Path.of(dir), definitions);
        NodeRules nodeRules = new NodeRules(new NetworkInterfaceAddresses());
        NodeState node = directory.node()
                .map(n -> nodeRules.evaluate(Optional.of(n.source()), n.properties()))
                .orElseGet(() -> store != null ? store.current().node() : nodeRules.evaluate(Optional.empty(), Map.of()));
        List<ResourceEntry> entries = ConfigValidator.validate(directory.resources(), node, definitions);
        boolean nodeFileInvalid = directory.node().isPresent() && !node.isValid();
        long invalid = entries.stream().filter(e -> e.verdict() instanceof Verdict.Invalid).count();
        long blocked = entries.stream().filter(e -> e.verdict() instanceof Verdict.Blocked).count();

        if (json) {
            ObjectNode root = JSON.createObjectNode();
            root.put("directory", dir);
            ObjectNode nodeJson = root.putObject("node");
            node.nodeIndex().ifPresent(i -> nodeJson.put("nodeIndex", i));
            node.problems().forEach(nodeJson.putArray("problems")::add);
            ArrayNode resources = root.putArray("resources");
            for (ResourceEntry e : entries) {
                ObjectNode r = resources.addObject();
                r.put("type", e.key().type().id());
                r.put("name", e.key().name());
                r.put("source", e.source().toString());
                r.put("verdict", verdictName(e.verdict()));
                ArrayNode reasons = r.putArray("reasons");
                reasons(e.verdict()).forEach(reasons::add);
            }
            printJson(out, root);
        } else {
            out.println("Validating " + entries.size() + " resources in " + dir + " (node settings from "
                    + directory.node().map(n -> n.source().pid()).orElse(store != null ? "the running node" : "nowhere")
                    + node.nodeIndex().stream().mapToObj(i -> ", node index " + i).findFirst().orElse("") + ")");
            node.problems().forEach(p -> out.println("! " + p));
            for (ResourceEntry e : entries) {
                out.println(e.key() + ": " + verdictName(e.verdict()) + " (" + e.source() + ")");
                reasons(e.verdict()).forEach(r -> out.println("  - " + r));
            }
            directory.skipped().forEach(f -> out.println("skipped " + f.getFileName() + " (not an OpenPE configuration)"));
            out.println(entries.size() - invalid - blocked + " valid, " + blocked + " blocked, " + invalid + " invalid");
        }
        List<String> notApplied = entries.stream().filter(e -> !e.isValid())
                .map(e -> e.key() + " is " + verdictName(e.verdict()) + " (" + String.join("; ", reasons(e.verdict())) + ")")
                .toList();
        if (!notApplied.isEmpty() || nodeFileInvalid) {
            throw new IllegalStateException(notApplied.size() + " of " + entries.size() + " resources would not be applied"
                    + (nodeFileInvalid ? " and the node settings are invalid" : "")
                    + (notApplied.isEmpty() ? "" : ": " + String.join("; ", notApplied)));
        }
    }

    private static String verdictName(Verdict verdict) {
        return verdict instanceof Verdict.Invalid ? "Invalid" : verdict instanceof Verdict.Blocked ? "Blocked" : "Valid";
    }

    private static List<String> reasons(Verdict verdict) {
        if (verdict instanceof Verdict.Invalid invalid) {
            return invalid.reasons();
        }
        return verdict instanceof Verdict.Blocked b ? List.of(b.reason()) : List.of();
    }
}
