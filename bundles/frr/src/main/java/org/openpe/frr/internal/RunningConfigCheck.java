package org.openpe.frr.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares what FRR runs with what it should run, in the contexts a delta touched: each must hold
 * exactly the expected lines (in any order: FRR prints some of them in its own), and a context
 * that should be gone must be gone. Of the top level only our own lines are checked; FRR adds its
 * own ({@code frr version}, ...).
 */
final class RunningConfigCheck {

    private RunningConfigCheck() {}

    /**
     * @param running one daemon's running configuration
     * @param touched the top-level contexts that daemon holds
     * @param withTopLevel also check our top-level lines ({@code log file}, {@code ip nht ...})
     * @return one line per difference; empty when FRR runs {@code expected} in every context of {@code touched}
     */
    static List<String> differences(String expected, String running, Set<String> touched, boolean withTopLevel) {
        ConfigContexts want = ConfigContexts.parse(expected);
        ConfigContexts have = ConfigContexts.parse(running);
        List<String> differences = new ArrayList<>();
        Set<String> rootLines = new HashSet<>(have.rootLines());
        for (String line : withTopLevel ? want.rootLines() : List.<String>of()) {
            // FRR 8.4 always shows the machine's hostname
            if (!line.startsWith("hostname ") && !rootLines.contains(line)) {
                differences.add("missing: " + line);
            }
        }
        for (String header : touched) {
            Map<List<String>, Set<String>> wanted = comparable(header, want.under(header));
            Map<List<String>, Set<String>> had = comparable(header, have.under(header));
            if (!wanted.equals(had)) {
                differences.add("in " + header + ": expected " + wanted.values() + ", FRR runs " + had.values());
            }
        }
        return differences;
    }

    /**
     * The contexts as sets of lines. A VRF without a VNI, and a {@code bfd} stanza without profiles,
     * are not shown by FRR at all: empty ones count as absent.
     */
    private static Map<List<String>, Set<String>> comparable(String header, Map<List<String>, List<String>> contexts) {
        boolean emptyMeansAbsent = header.startsWith("vrf ") || header.equals("bfd");
        Map<List<String>, Set<String>> comparable = new LinkedHashMap<>();
        contexts.forEach((path, lines) -> {
            if (!(emptyMeansAbsent && path.size() == 1 && lines.isEmpty())) {
                comparable.put(path, new HashSet<>(lines));
            }
        });
        return comparable;
    }
}
