package org.openpe.core.shell;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpe.api.ResourceType;
import org.openpe.core.config.ResourceEntry;
import org.openpe.core.config.ResourceStore;
import org.openpe.core.config.Snapshot;
import org.openpe.core.definition.Definitions;
import org.openpe.core.status.ResourceStatus;
import org.openpe.core.status.ResourceStatuses;
import org.openpe.core.status.StatusBoard;

@Service
@Command(scope = "openpe", name = "list", description = "Lists the configured resources with their status")
public class ListCommand extends OpenpeCommand {

    @Argument(index = 0, name = "type", description = "Only this type: underlay or a type a plugin defines")
    @Completion(TypeCompleter.class)
    String type;

    @Argument(index = 1, name = "options", multiValued = true,
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
        ResourceType only = type == null ? null : parseType(type, definitions, snapshot);
        List<String[]> rows = new ArrayList<>();
        ArrayNode array = JSON.createArrayNode();
        for (ResourceEntry e : snapshot.entries()) {
            if (only != null && !e.key().type().equals(only)) {
                continue;
            }
            ResourceStatus status = ResourceStatuses.shown(e, snapshot, board);
            rows.add(new String[] {e.key().type().id(), e.key().name(), status.label(), status.reason()});
            ObjectNode row = array.addObject();
            row.put("type", e.key().type().id());
            row.put("name", e.key().name());
            row.put("source", e.source().toString());
            row.setAll(StatusView.json(status));
        }
        if (json) {
            printJson(out, array);
            return;
        }
        Table.print(out, new String[] {"TYPE", "NAME", "STATUS", "REASON"}, rows);
        snapshot.node().remarks().forEach(p -> out.println("! " + p));
    }
}
