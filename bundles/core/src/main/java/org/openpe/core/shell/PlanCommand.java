package org.openpe.core.shell;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.openpe.api.model.Resource;
import org.openpe.core.config.ResourceStore;
import org.openpe.core.definition.Definitions;
import org.openpe.core.engine.ChangePlan;
import org.openpe.core.engine.ReconcileEngine;

@Service
@Command(scope = "openpe", name = "plan",
        description = "Shows what a reconcile would change, changing nothing: for the configuration in force, or for a directory's resource .cfg files as if they replaced those of etc/. Exit status 0: no change, 2: changes, 1: invalid")
public class PlanCommand extends OpenpeCommand {

    /** The exit status when the plan has changes. */
    static final int CHANGES = 2;

    @Argument(index = 0, name = "dir", description = "A directory of resource .cfg files (default: plan for the configuration in force)")
    @Completion(FileCompleter.class)
    String dir;

    @Argument(index = 1, name = "options", multiValued = true, description = "Options may also follow the arguments")
    List<String> trailing;

    @Reference
    ReconcileEngine engine;

    @Reference
    ResourceStore store;

    @Reference
    Definitions definitions;

    private boolean changes;

    @Override
    List<String> trailing() {
        return trailing == null ? List.of() : trailing;
    }

    @Override
    void run(PrintStream out) throws Exception {
        Optional<List<Resource>> replacing = Optional.empty();
        if (dir != null) {
            ResourceDirectory directory = ResourceDirectory.read(dir, store.current(), definitions);
            directory.requireValid(out, json);
            if (!json) {
                directory.noteNodeFile(out);
            }
            replacing = Optional.of(directory.resources());
        }
        ChangePlan plan = engine.plan(replacing, Duration.ofMinutes(2));
        changes = plan.changes();
        if (json) {
            printJson(out, toJson(plan));
        } else {
            print(out, plan);
        }
    }

    @Override
    int exitStatus() {
        return changes ? CHANGES : 0;
    }

    private ObjectNode toJson(ChangePlan plan) {
        ObjectNode root = JSON.createObjectNode();
        if (dir == null) {
            root.putNull("directory");
        } else {
            root.put("directory", dir);
        }
        root.put("changes", plan.changes());
        ArrayNode resources = root.putArray("resources");
        for (ChangePlan.ResourcePlan r : plan.resources()) {
            ObjectNode o = resources.addObject();
            o.put("type", r.key().type().id());
            o.put("name", r.key().name());
            o.put("action", r.action().name().toLowerCase(Locale.ROOT));
            o.set("kernel", JSON.valueToTree(r.kernel()));
            o.set("frr", JSON.valueToTree(r.frr()));
        }
        ArrayNode kernel = root.putArray("kernel");
        for (ChangePlan.KernelStep step : plan.kernel()) {
            ObjectNode o = kernel.addObject();
            o.put("change", step.change());
            step.owners().stream().map(Object::toString).sorted().forEach(o.putArray("resources")::add);
        }
        root.set("nic", JSON.valueToTree(plan.nic()));
        root.set("frr", JSON.valueToTree(plan.frr()));
        root.set("problems", JSON.valueToTree(plan.problems()));
        root.set("notes", JSON.valueToTree(plan.notes()));
        return root;
    }

    private void print(PrintStream out, ChangePlan plan) {
        out.println("Plan for " + (dir == null ? "the configuration in force" : dir + " replacing the resource files of etc/")
                + ": " + plan.kernel().size() + " kernel change(s), " + plan.nic().size() + " NIC move(s), "
                + plan.frr().size() + " FRR command(s)");
        for (ChangePlan.ResourcePlan r : plan.resources()) {
            out.println(r.key() + " (" + r.action().name().toLowerCase(Locale.ROOT) + ")");
            r.kernel().forEach(c -> out.println("  kernel: " + c));
            r.frr().forEach(c -> out.println("  frr:    " + c));
        }
        List<String> unowned = plan.kernel().stream().filter(s -> s.owners().isEmpty()).map(ChangePlan.KernelStep::change)
                .toList();
        if (!unowned.isEmpty()) {
            out.println("objects no resource declares any more");
            unowned.forEach(c -> out.println("  kernel: " + c));
        }
        plan.nic().forEach(m -> out.println("nic: " + m));
        if (!plan.frr().isEmpty()) {
            out.println("FRR commands, in the order an apply sends them:");
            plan.frr().forEach(c -> out.println("  " + c));
        }
        plan.problems().forEach((what, why) -> out.println("! " + what + ": " + why));
        plan.notes().forEach(n -> out.println("note: " + n));
        if (!plan.changes()) {
            out.println("No change.");
        }
    }
}
