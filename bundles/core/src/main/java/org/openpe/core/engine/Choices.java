package org.openpe.core.engine;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openpe.core.config.ResourceEntry;
import org.openpe.core.config.ResourceKey;
import org.openpe.core.config.Snapshot;

/** What a pass realises of a snapshot: per resource its valid candidate unless held back, else its version in force. */
final class Choices {

    private Choices() {}

    static Map<ResourceKey, Choice> of(Snapshot snapshot, CandidateRejections rejections, Instant now) {
        Map<ResourceKey, Choice> choices = new LinkedHashMap<>();
        for (ResourceEntry entry : snapshot.entries()) {
            if (choices.containsKey(entry.key()) || entry.realised().isEmpty() || !owns(snapshot, entry)) {
                continue;
            }
            Choice choice = new Choice(entry, entry.realised().get(), entry.isValid());
            if (choice.candidate() && rejections.holdsBack(entry.key(), entry.generation(), now)) {
                choice.fallback().ifPresent(f -> choices.put(entry.key(), f));
            } else {
                choices.put(entry.key(), choice);
            }
        }
        return choices;
    }

    /** Whether the entry is the one owning its identity (a later duplicate of the same type and name is not). */
    static boolean owns(Snapshot snapshot, ResourceEntry entry) {
        return snapshot.entry(entry.key()).filter(e -> e == entry).isPresent();
    }
}
