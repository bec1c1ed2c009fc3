package org.openpe.core.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Option;
import org.openpe.api.ResourceType;

/**
 * Base of the {@code openpe:*} commands: they print to {@code System.out} (values returned by a
 * command are not printed by {@code bin/client -b}) and offer {@code --json}. A failure is thrown,
 * so the client exits with status 1; a command may choose another status ({@link #exitStatus()}).
 *
 * <p>Karaf stops parsing options at the first argument, so {@code openpe:list l3vni --json} would
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

    static ResourceType parseType(String id) {
        return ResourceType.byId(id).orElseThrow(() -> new IllegalArgumentException("unknown resource type '" + id
                + "': use " + Arrays.stream(ResourceType.values()).map(ResourceType::id).collect(Collectors.joining(", "))));
    }
}
