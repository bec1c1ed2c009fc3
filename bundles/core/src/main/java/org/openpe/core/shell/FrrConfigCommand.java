package org.openpe.core.shell;

import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpe.core.engine.ReconcileEngine;
import org.openpe.frr.FrrInstance;

@Service
@Command(scope = "openpe", name = "frr-config",
        description = "Prints the FRR configuration OpenPE applied (passwords masked)")
public class FrrConfigCommand extends OpenpeCommand {

    @Option(name = "--running", description = "Print FRR's running configuration instead")
    boolean running;

    @Reference
    ReconcileEngine engine;

    @Override
    void run(PrintStream out) throws Exception {
        FrrInstance frr = engine.frr().orElseThrow(() -> new IllegalStateException(
                "FRR is not started yet: the first reconcile has not run (see openpe:status)"));
        String text = running ? frr.runningConfig() : frr.appliedConfigText().orElse("");
        if (json) {
            printJson(out, JSON.createObjectNode().put(running ? "running" : "applied", text));
        } else {
            out.print(text.isEmpty() ? "(nothing applied yet)\n" : text);
        }
    }
}
