package org.openpe.core.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.openpe.api.ResourceType;
import org.openpe.core.config.ResourceStore;
import org.openpe.core.definition.Definitions;

/** Completes resource type ids. */
@Service
public class TypeCompleter implements Completer {

    @Reference
    Definitions definitions;

    @Reference
    ResourceStore store;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(OpenpeCommand.knownTypes(definitions, store.current()).stream().map(ResourceType::id).toList())
                .complete(session, commandLine, candidates);
    }
}
