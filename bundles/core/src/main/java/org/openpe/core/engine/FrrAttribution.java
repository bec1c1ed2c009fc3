package org.openpe.core.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openpe.api.frr.FrrConfig;
import org.openpe.core.config.ResourceKey;
import org.openpe.frr.ApplyResult;

/**
 * Applies the FRR configuration of a set of choices and, when FRR refuses it, finds the candidates
 * whose part FRR refused: it applies the configuration without every candidate that changes what is
 * in force (their versions in force instead, or nothing), then adds them back one at a time. The
 * candidates FRR refuses are rejected with FRR's message; the others are applied.
 */
final class FrrAttribution {

    /**
     * @param choices what ends up applied (the refused candidates replaced by their fallbacks)
     * @param refused each refused candidate with FRR's message
     * @param result the result of the last apply: FAILED only when FRR refuses even what is in force
     */
    record Outcome(Map<ResourceKey, Choice> choices, Map<ResourceKey, String> refused, ApplyResult result) {}

    private final Function<Map<ResourceKey, Choice>, FrrConfig> render;
    private final Function<FrrConfig, ApplyResult> apply;

    /**
     * @param render the FRR configuration of a set of choices
     * @param apply applies one configuration and waits for the result
     */
    FrrAttribution(Function<Map<ResourceKey, Choice>, FrrConfig> render, Function<FrrConfig, ApplyResult> apply) {
        this.render = render;
        this.apply = apply;
    }

    Outcome apply(Map<ResourceKey, Choice> choices) {
        ApplyResult result = apply.apply(render.apply(choices));
        List<ResourceKey> suspects = choices.entrySet().stream()
                .filter(e -> e.getValue().changesWhatIsInForce()).map(Map.Entry::getKey).toList();
        if (result.outcome() != ApplyResult.Outcome.FAILED || suspects.isEmpty()) {
            return new Outcome(choices, Map.of(), result);
        }
        Map<ResourceKey, Choice> base = without(choices, suspects);
        ApplyResult baseResult = apply.apply(render.apply(base));
        if (baseResult.outcome() == ApplyResult.Outcome.FAILED) {
            return new Outcome(choices, Map.of(), result);
        }
        Map<ResourceKey, String> refused = new LinkedHashMap<>();
        if (suspects.size() == 1) {
            refused.put(suspects.get(0), result.message());
            return new Outcome(base, refused, baseResult);
        }
        ApplyResult last = baseResult;
        for (ResourceKey suspect : suspects) {
            Map<ResourceKey, Choice> trial = new LinkedHashMap<>(base);
            trial.put(suspect, choices.get(suspect));
            ApplyResult r = apply.apply(render.apply(trial));
            if (r.outcome() == ApplyResult.Outcome.FAILED) {
                refused.put(suspect, r.message());
            } else {
                base = trial;
                last = r;
            }
        }
        return new Outcome(base, refused, last);
    }

    /** The choices with each suspect replaced by its version in force, or left out when it has none. */
    private static Map<ResourceKey, Choice> without(Map<ResourceKey, Choice> choices, List<ResourceKey> suspects) {
        Map<ResourceKey, Choice> base = new LinkedHashMap<>(choices);
        for (ResourceKey suspect : suspects) {
            choices.get(suspect).fallback().ifPresentOrElse(f -> base.put(suspect, f), () -> base.remove(suspect));
        }
        return base;
    }
}
