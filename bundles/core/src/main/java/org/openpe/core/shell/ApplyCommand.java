package org.openpe.core.shell;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.openpe.core.config.EtcApply;
import org.openpe.core.config.GoDuration;
import org.openpe.core.config.ResourceStore;
import org.openpe.core.config.Snapshot;
import org.openpe.core.definition.Definitions;

@Service
@Command(scope = "openpe", name = "apply",
        description = "Replaces the resource .cfg files of etc/ with a directory's, as one change, after validating them (nothing is written when any is invalid); with --confirm, the previous files come back unless openpe:confirm follows within the duration")
public class ApplyCommand extends OpenpeCommand {

    @Argument(index = 0, name = "dir", required = true, description = "A directory of resource .cfg files")
    @Completion(FileCompleter.class)
    String dir;

    @Argument(index = 1, name = "options", multiValued = true, description = "Options may also follow the arguments")
    List<String> trailing;

    @Option(name = "--confirm", description = "Roll back unless openpe:confirm follows within this duration, e.g. 10m, 90s")
    String confirm;

    @Reference
    ResourceStore store;

    @Reference
    Definitions definitions;

    @Reference
    EtcApply etcApply;

    @Override
    List<String> trailing() {
        return trailing == null ? List.of() : trailing;
    }

    @Override
    boolean applyOption(String option, Iterator<String> rest) {
        if (option.equals("--confirm") && rest.hasNext()) {
            confirm = rest.next();
            return true;
        }
        return super.applyOption(option, rest);
    }

    @Override
    void run(PrintStream out) throws Exception {
        Optional<Duration> confirmWithin = Optional.ofNullable(confirm).map(ApplyCommand::confirmDuration);
        ResourceDirectory directory = ResourceDirectory.read(dir, store.current(), definitions);
        directory.requireValid(out, json);
        Snapshot taken = etcApply.apply(directory.files(), dir, confirmWithin)
                .get(EtcApply.PICK_UP.toSeconds() + 5, TimeUnit.SECONDS);
        Optional<EtcApply.Pending> pending = etcApply.pending();
        if (json) {
            ObjectNode root = JSON.createObjectNode();
            root.put("directory", dir);
            root.set("files", JSON.valueToTree(directory.files().files().keySet()));
            root.put("revision", taken.revision());
            pending.ifPresent(p -> root.put("confirmBy", p.deadline().toString()));
            printJson(out, root);
            return;
        }
        directory.noteNodeFile(out);
        out.println("Applied " + directory.files().files().size() + " resource file(s) from " + dir
                + " to etc/, taken as one change (revision " + taken.revision() + "); openpe:list shows when each is applied");
        pending.ifPresent(p -> out.println("The previous files come back at " + p.deadline()
                + " unless openpe:confirm is run before"));
    }

    private static Duration confirmDuration(String text) {
        Duration duration;
        try {
            duration = GoDuration.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--confirm '" + text + "' is not a duration (e.g. 10m, 90s): " + e.getMessage());
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--confirm '" + text + "' must be longer than 0");
        }
        return duration;
    }
}
