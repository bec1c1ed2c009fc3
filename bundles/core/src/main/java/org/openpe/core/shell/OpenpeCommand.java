package org.openpe.core.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Option;
import org.openpe.api.ResourceType;
import org.openpe.core.config.Snapshot;
import org.openpe.core.definition.Definitions;

/**
 * Base of the {@code openpe:*} commands: they print to {@code System.out} (values returned by a
 * command are not printed by {@code bin/client -b}) and offer {@code --json}. A failure is thrown,
 * so the client exits with status 1; a command may choose another status ({@link #exitStatus()}).
 *
 * <p>Karaf stops parsing options at the first argument, so {@code openpe:list underlay --json} would
 * fail; each command collects what follows its arguments and the options found there are applied
 * here.
 */
abstract class OpenpeCommand implements Action {

    static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Option(name = "--json", description = "Print JSON instead of text")
    boolean json;

    @Override
    public final Object execute() throws Exception {
        Iterator<String> rest = trailing().iterator();
        while (rest.hasNext()) {
            String option = rest.next();
            if (!applyOption(option, rest)) {
                throw new IllegalArgumentException("unexpected argument '" + option + "'");
            }
        }
        run(System.out);
        int status = exitStatus();
        return status == 0 ? null : status;
    }

    abstract void run(PrintStream out) throws Exception;

    /**
     * The exit status of {@code bin/client} when {@link #run} returned normally: an Integer a
     * command returns is the exit status of the SSH command that ran it.
     */
    int exitStatus() {
        return 0;
    }

    /** What followed the command's arguments; commands without arguments have none. */
    List<String> trailing() {
        return List.of();
    }

    /** Applies an option given after the arguments; {@code rest} supplies its value if it has one. */
    boolean applyOption(String option, Iterator<String> rest) {
        if (option.equals("--json")) {
            json = true;
            return true;
        }
        return false;
    }

    static void printJson(PrintStream out, JsonNode node) throws Exception {
        out.println(JSON.writeValueAsString(node));
    }

    /** A type a plugin defines, or one configured resources have although no plugin defines it. */
    static ResourceType parseType(String id, Definitions definitions, Snapshot snapshot) {
        List<ResourceType> known = knownTypes(definitions, snapshot);
        return known.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown resource type '" + id + "': use "
                        + known.stream().map(ResourceType::id).collect(Collectors.joining(", "))));
    }

    static List<ResourceType> knownTypes(Definitions definitions, Snapshot snapshot) {
        return Stream.concat(definitions.types().stream(), snapshot.entries().stream().map(e -> e.key().type()))
                .distinct().sorted().toList();
    }
}
