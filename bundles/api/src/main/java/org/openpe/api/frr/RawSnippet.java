package org.openpe.api.frr;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * FRR configuration text taken as it is, for what the typed model does not cover (route maps,
 * community lists, logging, ...). The FRR bundle renders every snippet after the typed
 * configuration, by ascending {@code priority}, equal priorities by {@code owner}, and has FRR
 * check the whole file before applying it: a snippet FRR refuses is reported with its owner, its
 * field and FRR's message. A snippet is not diffed into commands: a configuration whose snippets
 * changed is applied whole, and FRR's {@code frr-reload.py} computes what to remove.
 *
 * @param owner who declares it, e.g. {@code rawfrrconfig communities}: named in FRR's refusals,
 *     and the order of snippets of equal priority
 * @param field the configuration key the text came from, named in FRR's refusals
 * @param priority 0 or more; lower first
 * @param text one or more lines of FRR configuration; trailing blanks and empty lines around it
 *     are dropped
 * @since 1.2
 */
public record RawSnippet(String owner, String field, int priority, String text) {

    /** Rendering order: priority, then owner (then field and text, so that any set of snippets has one order). */
    public static final Comparator<RawSnippet> ORDER = Comparator.comparingInt(RawSnippet::priority)
            .thenComparing(RawSnippet::owner).thenComparing(RawSnippet::field).thenComparing(RawSnippet::text);

    public RawSnippet {
        requireOneLine(owner, "the owner of a raw FRR snippet");
        requireOneLine(field, "the field of a raw FRR snippet");
        if (priority < 0) {
            throw new IllegalArgumentException(owner + ": the priority of a raw FRR snippet must be 0 or more, got " + priority);
        }
        text = normalised(Objects.requireNonNull(text, "text"));
        if (text.isEmpty()) {
            throw new IllegalArgumentException(owner + ": '" + field + "' is empty: a raw FRR snippet needs at least one line");
        }
    }

    /** The lines of {@link #text()}. */
    public List<String> lines() {
        return text.lines().toList();
    }

    private static String normalised(String text) {
        List<String> lines = text.lines().map(String::stripTrailing).toList();
        int first = 0;
        int last = lines.size();
        while (first < last && lines.get(first).isEmpty()) {
            first++;
        }
        while (last > first && lines.get(last - 1).isEmpty()) {
            last--;
        }
        return String.join("\n", lines.subList(first, last));
    }

    private static void requireOneLine(String value, String what) {
        if (value == null || value.isBlank() || value.lines().count() != 1) {
            throw new IllegalArgumentException(what + " must be one non-blank line, got '" + value + "'");
        }
    }
}
