package org.openpe.core.shell;

import java.util.List;
import java.util.Optional;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.openpe.core.config.ResourceStore;

/** Completes resource names, of the type given by the previous argument when there is one. */
@Service
public class NameCompleter implements Completer {

    @Reference
    ResourceStore store;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String[] args = commandLine.getArguments();
        int index = commandLine.getCursorArgumentIndex();
        Optional<String> type = index > 0 && index - 1 < args.length ? Optional.of(args[index - 1]) : Optional.empty();
        List<String> names = store.current().entries().stream()
                .filter(e -> type.isEmpty() || e.key().type().id().equals(type.get()))
                .map(e -> e.key().name())
                .distinct()
                .toList();
        return new StringsCompleter(names).complete(session, commandLine, candidates);
    }
}
