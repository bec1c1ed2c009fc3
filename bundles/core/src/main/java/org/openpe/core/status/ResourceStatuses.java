package org.openpe.core.status;

import java.util.Optional;
import java.util.OptionalLong;
import org.openpe.core.config.AppliedVersion;
import org.openpe.core.config.ResourceEntry;
import org.openpe.core.config.Snapshot;
import org.openpe.core.validation.Verdict;

/**
 * The one place a resource's status is computed: a pure function of its configured generation and
 * verdict, the generation of its version in force, and the outcome of the pass that reconciled that
 * generation. The engine writes {@link #derive}'s result for every generation a pass reconciles;
 * every reader (shell, metrics) shows it through {@link #shown}, which falls back to what the
 * verdict alone implies until a pass has reconciled the configured generation.
 */
public final class ResourceStatuses {

    private ResourceStatuses() {}

    /**
     * @param rejection why the configured generation is held back, if the engine rejected it
     */
    public static ResourceStatus derive(ResourceEntry entry, PassOutcome outcome, Optional<String> rejection) {
        long generation = entry.generation();
        OptionalLong inForce = inForce(entry);
        Verdict verdict = entry.verdict();
        if (verdict instanceof Verdict.Blocked b) {
            return ResourceStatus.blocked(generation, b.dependency(), b.reason());
        }
        if (outcome instanceof PassOutcome.NotRealised) {
            return verdict instanceof Verdict.Invalid ? ResourceStatus.invalid(generation, verdict.message())
                    : ResourceStatus.failed(generation, inForce, rejection.orElse(verdict.message()));
        } else if (outcome instanceof PassOutcome.PluginAwaited a) {
            return ResourceStatus.pending(generation, inForce, a.reason());
        } else if (outcome instanceof PassOutcome.Unsupported u) {
            return ResourceStatus.unsupported(generation, inForce, u.reason());
        } else if (outcome instanceof PassOutcome.Failed f) {
            return ResourceStatus.failed(generation, inForce, f.reason());
        } else if (outcome instanceof PassOutcome.OnlyAdded o) {
            return ResourceStatus.pending(generation, inForce, o.reason());
        } else if (outcome instanceof PassOutcome.Realised r && r.candidate()) {
            return ResourceStatus.applied(generation);
        }
        return ResourceStatus.keptApplied(generation, inForce.orElseThrow(),
                entry.isValid() ? rejection.orElse("") : verdict.message());
    }

    /**
     * The status shown for a configured entry: the one the engine derived for its generation, or,
     * before a pass has reconciled that generation (and for a later entry of a name already taken,
     * which no pass realises), the one its verdict implies.
     */
    public static ResourceStatus shown(ResourceEntry entry, Snapshot snapshot, StatusBoard board) {
        boolean owner = snapshot.entry(entry.key()).filter(e -> e == entry).isPresent();
        Optional<ResourceStatus> derived = owner ? board.status(entry.key()) : Optional.empty();
        return derived.filter(s -> s.generation() == entry.generation()).orElseGet(() -> fromVerdict(entry));
    }

    /** What the verdict alone implies, before any pass reconciled the generation. */
    static ResourceStatus fromVerdict(ResourceEntry entry) {
        Verdict verdict = entry.verdict();
        if (entry.keepsAppliedVersion()) {
            return ResourceStatus.keptApplied(entry.generation(), inForce(entry).getAsLong(), verdict.message());
        } else if (verdict instanceof Verdict.Invalid) {
            return ResourceStatus.invalid(entry.generation(), verdict.message());
        } else if (verdict instanceof Verdict.Blocked b) {
            return ResourceStatus.blocked(entry.generation(), b.dependency(), b.reason());
        }
        return ResourceStatus.pending(entry.generation(), inForce(entry));
    }

    private static OptionalLong inForce(ResourceEntry entry) {
        return entry.applied().stream().mapToLong(AppliedVersion::generation).findFirst();
    }
}
