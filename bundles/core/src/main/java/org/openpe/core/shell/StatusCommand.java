package org.openpe.core.shell;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpe.core.config.EtcApply;
import org.openpe.core.config.ResourceEntry;
import org.openpe.core.config.ResourceStore;
import org.openpe.core.config.Snapshot;
import org.openpe.core.engine.ReconcileEngine;
import org.openpe.core.metrics.MetricsExporter;
import org.openpe.core.status.BgpSessionStatus;
import org.openpe.core.status.NodeStatus;
import org.openpe.core.status.ResourceStatuses;
import org.openpe.core.status.StatusBoard;

@Service
@Command(scope = "openpe", name = "status",
        description = "Shows the node: index, router namespace, FRR daemons, BGP sessions, resources, last reconcile")
public class StatusCommand extends OpenpeCommand {

    @Reference
    ResourceStore store;

    @Reference
    StatusBoard board;

    @Reference
    ReconcileEngine engine;

    @Reference
    MetricsExporter metrics;
    @Reference(optional = true)
    EtcApply etcApply;

    @Override
    void run(PrintStream out) throws Exception {
        engine.observeFrr();
        Snapshot snapshot = store.current();
        NodeStatus node = board.node();
        Map<String, Integer> counts = new TreeMap<>();
        for (ResourceEntry e : snapshot.entries()) {
            counts.merge(StatusView.name(ResourceStatuses.shown(e, snapshot, board)), 1, Integer::sum);
        }
        OptionalInt nodeIndex = snapshot.node().nodeIndex();
        Optional<EtcApply.Pending> pending = etcApply == null ? Optional.empty() : etcApply.pending();
        if (json) {
            ObjectNode root = JSON.createObjectNode();
            if (nodeIndex.isPresent()) {
                root.put("nodeIndex", nodeIndex.getAsInt());
            } else {
                root.putNull("nodeIndex");
            }
            root.put("routerNamespace", snapshot.node().settings().routerNamespace());
            root.put("routerNamespacePresent", node.routerNamespacePresent());
            root.set("frrDaemons", JSON.valueToTree(node.frrDaemons()));
            ArrayNode sessions = root.putArray("bgpSessions");
            node.bgpSessions().forEach(s -> {
                ObjectNode o = sessions.addObject();
                o.put("vrf", s.vrf());
                o.put("peer", s.peer());
                o.put("remoteAs", s.remoteAs());
                o.put("state", s.state());
                s.uptime().ifPresent(u -> o.put("uptime", u));
            });
            root.set("resources", JSON.valueToTree(counts));
            node.lastReconcile().ifPresent(t -> root.put("lastReconcile", t.toString()));
            node.lastReconcileDuration().ifPresent(d -> root.put("lastReconcileMillis", d.toMillis()));
            node.lastError().ifPresent(e -> root.put("lastError", e));
            root.set("nodeProblems", JSON.valueToTree(snapshot.node().problems()));
            root.set("nodeRejections", JSON.valueToTree(snapshot.node().rejected()));
            root.set("metrics", metricsJson(metrics.state()));
            pending.ifPresent(p -> root.putObject("pendingConfirmation").put("appliedFrom", p.appliedFrom())
                    .put("deadline", p.deadline().toString()));
            printJson(out, root);
            return;
        }
        out.println("Node index        " + (nodeIndex.isPresent() ? String.valueOf(nodeIndex.getAsInt()) : "unknown"));
        out.println("Router namespace  " + snapshot.node().settings().routerNamespace()
                + (node.routerNamespacePresent() ? "" : " (not created yet)"));
        out.println("FRR daemons       " + (node.frrDaemons().isEmpty() ? "unknown"
                : String.join(", ", node.frrDaemons().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList())));
        out.println("Resources         " + (counts.isEmpty() ? "none configured"
                : String.join(", ", counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList())));
        out.println("Last reconcile    " + node.lastReconcile().map(t -> t + node.lastReconcileDuration()
                .map(d -> " (" + d.toMillis() + " ms)").orElse("")).orElse("not yet"));
        node.lastError().ifPresent(e -> out.println("Last error        " + e));
        out.println("Metrics           " + metrics.state().describe());
        pending.ifPresent(p -> out.println("Pending confirm   the change applied from " + p.appliedFrom() + " rolls back at "
                + p.deadline() + " unless openpe:confirm is run before"));
        snapshot.node().remarks().forEach(p -> out.println("! " + p));
        out.println();
        List<String[]> rows = new ArrayList<>();
        for (BgpSessionStatus s : node.bgpSessions()) {
            rows.add(new String[] {s.vrf(), s.peer(), String.valueOf(s.remoteAs()), s.state(), s.uptime().orElse("")});
        }
        if (rows.isEmpty()) {
            out.println("No BGP sessions");
        } else {
            Table.print(out, new String[] {"VRF", "PEER", "REMOTE AS", "STATE", "UPTIME"}, rows);
        }
    }

    /** {@code port} (0: off), {@code listening} (the port served, or null), {@code textfile} (or null), {@code problems}. */
    private static ObjectNode metricsJson(MetricsExporter.State state) {
        ObjectNode o = JSON.createObjectNode();
        o.put("port", state.settings().port());
        o.put("listening", state.listening().orElse(null));
        o.put("textfile", state.settings().textfile().map(Object::toString).orElse(null));
        o.set("problems", JSON.valueToTree(state.problems()));
        return o;
    }
}
