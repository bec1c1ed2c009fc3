package org.openpe.core.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpe.api.model.Resource;
import org.openpe.core.config.ResourceEntry;
import org.openpe.core.config.ResourceKey;
import org.openpe.core.config.ResourceStore;
import org.openpe.core.config.Snapshot;
import org.openpe.core.definition.Definitions;
import org.openpe.core.status.ResourceStatus;
import org.openpe.core.status.ResourceStatuses;
import org.openpe.core.status.StatusBoard;

@Service
@Command(scope = "openpe", name = "show",
        description = "Shows a resource: its effective values with defaults, the addresses it gets on this node and its status")
public class ShowCommand extends OpenpeCommand {

    @Argument(index = 0, name = "type", required = true, description = "The resource type: underlay or a type a plugin defines")
    @Completion(TypeCompleter.class)
    String type;

    @Argument(index = 1, name = "name", required = true, description = "The resource name")
    @Completion(NameCompleter.class)
    String name;

    @Argument(index = 2, name = "options", multiValued = true,
            description = "Options may also follow the arguments")
    List<String> trailing;

    @Reference
    ResourceStore store;

    @Reference
    StatusBoard board;

    @Reference
    Definitions definitions;

    @Override
    List<String> trailing() {
        return trailing == null ? List.of() : trailing;
    }

    @Override
    void run(PrintStream out) throws Exception {
        Snapshot snapshot = store.current();
        ResourceKey key = new ResourceKey(parseType(type, definitions, snapshot), name);
        ResourceEntry entry = snapshot.entry(key)
                .orElseThrow(() -> new IllegalArgumentException("there is no " + key.type().id() + " named '" + name + "'"));
        ResourceStatus status = ResourceStatuses.shown(entry, snapshot, board);

        ObjectNode root = JSON.createObjectNode();
        root.put("type", key.type().id());
        root.put("name", key.name());
        root.put("source", entry.source().toString());
        root.put("pid", entry.source().pid());
        root.set("status", StatusView.json(status));
        entry.resource().ifPresent(r -> root.set("effective", ResourceView.tree(r, definitions)));
        entry.applied().filter(a -> !entry.resource().equals(Optional.of(a.resource())))
                .ifPresent(a -> root.set("inForce", ResourceView.tree(a.resource(), definitions)));
        Resource shown = entry.realised().or(entry::resource).orElse(null);
        if (shown != null && snapshot.node().nodeIndex().isPresent()) {
            int index = snapshot.node().nodeIndex().getAsInt();
            ObjectNode allocation = root.putObject("allocation");
            allocation.put("nodeIndex", index);
            Allocations.of(shown, index, snapshot.underlay(), definitions).forEach(allocation::put);
        }
        ObjectNode properties = root.putObject("properties");
        new TreeMap<>(entry.properties()).forEach((k, v) -> properties.put(k, display(k, v)));

        if (json) {
            printJson(out, root);
            return;
        }
        out.println(key + " (" + entry.source() + ")");
        out.println("  status: " + status.label());
        if (!status.reason().isEmpty()) {
            out.println("  reason: " + status.reason());
        }
        section(out, "Effective configuration", root.get("effective"));
        section(out, "In force (generation " + entry.applied().map(a -> a.generation()).orElse(0L) + ")",
                root.get("inForce"));
        section(out, "Allocated on this node", root.get("allocation"));
        if (entry.resource().isEmpty()) {
            section(out, "Configured properties", properties);
        }
    }

    private static void section(PrintStream out, String title, JsonNode node) {
        if (node == null) {
            return;
        }
        out.println(title + ":");
        ResourceView.flat(node).forEach((k, v) -> out.println("  " + k + " = " + v));
    }

    private static String display(String key, Object value) {
        if (key.endsWith("password")) {
            return ResourceView.MASK;
        }
        return value instanceof Object[] array ? String.join(",", Arrays.stream(array).map(String::valueOf).toList())
                : String.valueOf(value);
    }
}
