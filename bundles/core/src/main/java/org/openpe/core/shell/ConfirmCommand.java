package org.openpe.core.shell;

import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpe.core.config.EtcApply;

@Service
@Command(scope = "openpe", name = "confirm",
        description = "Keeps the change of the last openpe:apply --confirm, which otherwise rolls back at its deadline; fails when none is pending")
public class ConfirmCommand extends OpenpeCommand {

    @Reference
    EtcApply etcApply;

    @Override
    void run(PrintStream out) throws Exception {
        String from = etcApply.pending().map(EtcApply.Pending::appliedFrom).orElse("");
        if (!etcApply.confirm()) {
            throw new IllegalStateException("nothing to confirm: no change applied with openpe:apply --confirm is pending");
        }
        if (json) {
            printJson(out, JSON.createObjectNode().put("confirmed", from));
        } else {
            out.println("Confirmed: the change applied from " + from + " stays");
        }
    }
}
