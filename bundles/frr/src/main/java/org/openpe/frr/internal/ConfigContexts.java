package org.openpe.frr.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * FRR configuration text (ours or {@code show running-config}) as its contexts: each context is
 * identified by its path of header lines ({@code [router bgp 64514 vrf red, address-family ipv4 unicast]};
 * the top level is the empty path; an L2VNI's {@code vni} block inside an address family is a third
 * level) and holds its own lines, stripped, in order. Separators
 * ({@code !}) and closers ({@code exit}, {@code exit-vrf}, ...) are dropped.
 */
final class ConfigContexts {

    static final List<String> ROOT = List.of();

    private static final Pattern TOP_LEVEL_OPENER = Pattern.compile("^(router |vrf |route-map |interface |bfd$|line )");
    private static final Pattern NESTED_OPENER = Pattern.compile("^(address-family |profile |peer )");
    private static final Pattern VNI_OPENER = Pattern.compile("^vni \\d+$");
    private static final Pattern CLOSER = Pattern.compile("^(exit|exit-vrf|exit-address-family|exit-vni|end)$");

    private final Map<List<String>, List<String>> contexts;

    private final Map<String, Map<List<String>, List<String>>> byTopLevel = new HashMap<>();

    private ConfigContexts(Map<List<String>, List<String>> contexts) {
        this.contexts = contexts;
        contexts.forEach((path, lines) -> {
            if (!path.isEmpty()) {
                byTopLevel.computeIfAbsent(path.get(0), h -> new LinkedHashMap<>()).put(path, lines);
            }
        });
    }

    static ConfigContexts parse(String text) {
        Map<List<String>, List<String>> contexts = new LinkedHashMap<>();
        contexts.put(ROOT, new ArrayList<>());
        List<String> path = ROOT;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            boolean topLevel = !raw.startsWith(" ");
            if (line.isEmpty() || line.equals("!")) {
                continue;
            }
            if (CLOSER.matcher(line).matches()) {
                path = topLevel || path.isEmpty() ? ROOT : path.subList(0, path.size() - 1);
            } else if (topLevel && TOP_LEVEL_OPENER.matcher(line).find()) {
                path = List.of(line);
                contexts.putIfAbsent(path, new ArrayList<>());
            } else if (path.size() == 2 && path.get(1).startsWith("address-family ") && VNI_OPENER.matcher(line).matches()) {
                path = List.of(path.get(0), path.get(1), line);
                contexts.putIfAbsent(path, new ArrayList<>());
            } else if (!topLevel && !path.isEmpty() && NESTED_OPENER.matcher(line).find()) {
                path = List.of(path.get(0), line);
                contexts.putIfAbsent(path, new ArrayList<>());
            } else {
                contexts.get(topLevel ? ROOT : path).add(line);
            }
        }
        return new ConfigContexts(contexts);
    }

    /** Every context, in the order of the text. */
    Map<List<String>, List<String>> all() {
        return contexts;
    }

    /** The lines of the root context. */
    List<String> rootLines() {
        return contexts.get(ROOT);
    }

    /** The contexts under the top-level {@code header} (itself included), by path; empty when there is none. */
    Map<List<String>, List<String>> under(String header) {
        return byTopLevel.getOrDefault(header, Map.of());
    }
}
