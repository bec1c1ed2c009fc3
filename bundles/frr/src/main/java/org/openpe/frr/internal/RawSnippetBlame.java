package org.openpe.frr.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openpe.api.frr.FrrConfig;
import org.openpe.api.frr.RawSnippet;

/**
 * Finds the raw snippets FRR refused in its output, so that the refusal names who wrote them: by
 * the line numbers vtysh reports for the rendered file ({@code line 42: % Unknown command: ...}),
 * otherwise by the snippet lines FRR's output quotes (a command the daemons refused during a
 * reload, a line a reload did not take).
 */
final class RawSnippetBlame {

    private static final Pattern LINE_NUMBER = Pattern.compile("(?m)^line (\\d+): ");
    /** Lines too common to tell one snippet from another. */
    private static final Pattern UNTELLING = Pattern.compile("^(!.*|exit.*|end|quit)$");

    private RawSnippetBlame() {}

    /**
     * {@code frrOutput} preceded by one sentence per snippet it blames, naming the snippet's owner,
     * field, line and text; {@code frrOutput} alone when it blames none.
     */
    static String blame(FrrConfig config, ConfigRenderer renderer, String frrOutput) {
        if (config.rawSnippets().isEmpty()) {
            return frrOutput;
        }
        Map<RawSnippet, Integer> blamed = byLineNumbers(config, renderer, frrOutput);
        if (blamed.isEmpty()) {
            blamed = byQuotedLines(config, frrOutput);
        }
        List<String> sentences = new ArrayList<>();
        blamed.forEach((snippet, index) -> sentences.add(snippet.owner() + ": FRR refused '" + snippet.field() + "' at its line "
                + (index + 1) + " ('" + snippet.lines().get(index).strip() + "')"));
        return sentences.isEmpty() ? frrOutput : String.join("; ", sentences) + ": " + frrOutput;
    }

    /** Each snippet holding a line vtysh numbered, with the index of its first such line. */
    private static Map<RawSnippet, Integer> byLineNumbers(FrrConfig config, ConfigRenderer renderer, String output) {
        List<Integer> starts = renderer.rawSnippetStarts(config);
        Map<RawSnippet, Integer> blamed = new LinkedHashMap<>();
        Matcher m = LINE_NUMBER.matcher(output);
        while (m.find()) {
            int line = Integer.parseInt(m.group(1));
            for (int i = 0; i < starts.size(); i++) {
                RawSnippet snippet = config.rawSnippets().get(i);
                int index = line - starts.get(i);
                if (index >= 0 && index < snippet.lines().size()) {
                    blamed.putIfAbsent(snippet, index);
                }
            }
        }
        return blamed;
    }

    /** Each snippet one of whose telling lines FRR's output quotes, with the index of the first. */
    private static Map<RawSnippet, Integer> byQuotedLines(FrrConfig config, String output) {
        Map<RawSnippet, Integer> blamed = new LinkedHashMap<>();
        for (RawSnippet snippet : config.rawSnippets()) {
            List<String> lines = snippet.lines();
            for (int i = 0; i < lines.size() && !blamed.containsKey(snippet); i++) {
                String line = lines.get(i).strip();
                if (!line.isEmpty() && !UNTELLING.matcher(line).matches() && output.contains(line)) {
                    blamed.put(snippet, i);
                }
            }
        }
        return blamed;
    }
}
