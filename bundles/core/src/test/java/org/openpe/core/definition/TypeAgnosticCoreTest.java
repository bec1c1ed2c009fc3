package org.openpe.core.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core names no resource type a plugin defines: everything about a type lives in its plugin's
 * bundle. "Names" means any occurrence, in code, strings, comments and resources, of the words
 * below in any case, also inside longer words ({@code L3VniSpec}, {@code org.openpe.l3vni-red.cfg}).
 */
class TypeAgnosticCoreTest {

    private static final Pattern PLUGIN_TYPE = Pattern.compile("l3vni|l2vni|l3passthrough|passthrough|rawfrr",
            Pattern.CASE_INSENSITIVE);
    private static final Path MAIN = Path.of("src/main");

    @Test
    void theCoresMainSourcesNameNoPluginType() throws IOException {
        assertTrue(Files.isDirectory(MAIN.resolve("java/org/openpe/core")), "run from the core module");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                found.addAll(namings(file, Files.readAllLines(file, StandardCharsets.UTF_8)));
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theCheckFindsANamingInCodeStringsAndComments() {
        Path file = Path.of("Example.java");
        assertEquals(List.of("Example.java:1: L3VniSpec", "Example.java:2: \"org.openpe.l2vni\"",
                        "Example.java:3: // one Passthrough only", "Example.java:4: {@code RawFRRConfig}"),
                namings(file, List.of("L3VniSpec", "\"org.openpe.l2vni\"", "// one Passthrough only",
                        "{@code RawFRRConfig}", "underlay default")));
    }

    private static List<String> namings(Path file, List<String> lines) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = PLUGIN_TYPE.matcher(lines.get(i));
            if (m.find()) {
                found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
        }
        return found;
    }
}
