package org.openpe.core.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.karaf.shell.api.console.CommandLine;
import org.junit.jupiter.api.Test;
import org.openpe.api.ResourceType;
import org.openpe.core.config.Candidate;
import org.openpe.core.config.ConfigSource;
import org.openpe.core.config.ResourceKey;
import org.openpe.core.config.Snapshot;
import org.openpe.core.definition.TestDefinitions;
import org.openpe.core.validation.ConfigValidator;
import org.openpe.core.validation.TestConfigs;
import org.openpe.l2vni.L2VNI;
import org.openpe.l3vni.L3VNI;

class CompleterTest {

    /** A command line {@code openpe:show <args...>} with the cursor at the end of the last argument. */
    private static CommandLine line(String... args) {
        String last = args[args.length - 1];
        return (CommandLine) Proxy.newProxyInstance(CompleterTest.class.getClassLoader(), new Class<?>[] {CommandLine.class},
                (proxy, method, a) -> switch (method.getName()) {
                    case "getArguments" -> args;
                    case "getCursorArgumentIndex" -> args.length - 1;
                    case "getCursorArgument" -> last;
                    case "getArgumentPosition" -> last.length();
                    case "getBufferPosition" -> String.join(" ", args).length();
                    case "getBuffer" -> String.join(" ", args);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static List<String> complete(org.apache.karaf.shell.api.console.Completer completer, String... args) {
        List<String> candidates = new ArrayList<>();
        completer.complete(null, line(args), candidates);
        return candidates.stream().map(String::strip).sorted().toList();
    }

    @Test
    void typesAreCompletedFromTheDefinitionsAndTheConfiguredTypes() {
        TypeCompleter types = new TypeCompleter();
        types.definitions = TestDefinitions.ALL;
        types.store = new FixedStore(new Snapshot(1, TestConfigs.node(0), ConfigValidator.validate(List.of(
                candidate(new ResourceType("lonely", "Lonely"), "x")), TestConfigs.node(0), TestDefinitions.ALL)));
        assertEquals(List.of("l2vni", "l3passthrough", "l3vni", "lonely"), complete(types, "openpe:show", "l"));
    }

    @Test
    void namesAreCompletedForTheTypeGivenBefore() {
        NameCompleter names = new NameCompleter();
        Snapshot snapshot = new Snapshot(1, TestConfigs.node(0), ConfigValidator.validate(List.of(
                candidate(L3VNI.TYPE, "red"), candidate(L3VNI.TYPE, "rose"),
                candidate(L2VNI.TYPE, "red110")), TestConfigs.node(0), TestDefinitions.ALL));
        names.store = new FixedStore(snapshot);
        assertEquals(List.of("red", "rose"), complete(names, "openpe:show", "l3vni", "r"));
        assertEquals(List.of("red110"), complete(names, "openpe:show", "l2vni", ""));
    }

    private static Candidate candidate(ResourceType type, String name) {
        return Candidate.of(new ResourceKey(type, name), new ConfigSource(name, Optional.empty()), TestConfigs.props("vni", "1"));
    }
}
