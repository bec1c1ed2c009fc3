package org.openpe.core.shell;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Duration;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpe.core.engine.ReconcileEngine;
import org.openpe.core.engine.ReconcileReport;

@Service
@Command(scope = "openpe", name = "reconcile", description = "Reconciles now and reports what changed")
public class ReconcileCommand extends OpenpeCommand {

    @Reference
    ReconcileEngine engine;

    @Override
    void run(PrintStream out) throws Exception {
        ReconcileReport report = engine.reconcileNow(Duration.ofMinutes(3));
        if (json) {
            ObjectNode root = JSON.createObjectNode();
            root.put("durationMillis", report.duration().toMillis());
            root.set("changes", JSON.valueToTree(report.changes()));
            root.set("failures", JSON.valueToTree(report.failures()));
            root.put("frr", report.frr());
            printJson(out, root);
        } else {
            out.println(report.changes().isEmpty() ? "Nothing to change." : report.changes().size() + " change(s):");
            report.changes().forEach(c -> out.println("  " + c));
            report.failures().values().forEach(f -> out.println("! " + f));
            out.println("FRR: " + report.frr() + "; took " + report.duration().toMillis() + " ms");
        }
        if (!report.failures().isEmpty()) {
            throw new IllegalStateException(report.failures().size() + " change(s) failed");
        }
    }
}
