package org.openpe.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openpe.api.frr.FrrConfig;
import org.openpe.api.model.Resource;
import org.openpe.core.config.AppliedVersion;
import org.openpe.core.config.ConfigSource;
import org.openpe.core.config.ResourceEntry;
import org.openpe.core.config.ResourceKey;
import org.openpe.core.validation.Verdict;
import org.openpe.frr.ApplyResult;
import org.openpe.l3vni.L3VNI;

/** Which candidates FRR refused, found by applying without them and adding them back one at a time. */
class FrrAttributionTest {

    private static final ResourceKey RED = new ResourceKey(L3VNI.TYPE, "red");
    private static final ResourceKey BLUE = new ResourceKey(L3VNI.TYPE, "blue");
    private static final ResourceKey GREEN = new ResourceKey(L3VNI.TYPE, "green");

    /** A fake FRR: refuses every configuration holding one of {@code refusedVnis}; records what it was given. */
    private final Map<FrrConfig, Map<ResourceKey, Choice>> rendered = new IdentityHashMap<>();
    private final List<Set<Integer>> applied = new ArrayList<>();

    private FrrAttribution.Outcome apply(Map<ResourceKey, Choice> choices, Set<Integer> refusedVnis) {
        return new FrrAttribution(c -> {
            FrrConfig config = FrrConfig.empty("pe", "informational");
            rendered.put(config, Map.copyOf(c));
            return config;
        }, config -> {
            Set<Integer> vnis = new java.util.TreeSet<>();
            rendered.get(config).values().forEach(ch -> vnis.add(((L3VNI) ch.resource()).vni()));
            applied.add(vnis);
            boolean refused = vnis.stream().anyMatch(refusedVnis::contains);
            return new ApplyResult(refused ? ApplyResult.Outcome.FAILED : ApplyResult.Outcome.APPLIED,
                    refused ? "line 12: % Unknown command" : "", Instant.now(), Duration.ZERO);
        }).apply(choices);
    }

    private static Choice candidate(ResourceKey key, int vni, Optional<Integer> inForce) {
        Resource now = vni(key, vni);
        ResourceEntry entry = new ResourceEntry(key, new ConfigSource(key.name(), Optional.empty()), Map.of(),
                2, Optional.of(now), Optional.of(now), inForce.map(v -> new AppliedVersion(1, vni(key, v))), Verdict.VALID);
        return new Choice(entry, now, true);
    }

    private static L3VNI vni(ResourceKey key, int vni) {
        return new L3VNI(key.name(), Optional.empty(), vni, 4789, Optional.empty());
    }

    private static Map<ResourceKey, Choice> choices(Choice... choices) {
        Map<ResourceKey, Choice> map = new LinkedHashMap<>();
        for (Choice c : choices) {
            map.put(c.entry().key(), c);
        }
        return map;
    }

    @Test
    void anAcceptedConfigurationIsAppliedOnce() {
        FrrAttribution.Outcome outcome = apply(choices(candidate(RED, 101, Optional.of(100))), Set.of());

        assertEquals(Map.of(), outcome.refused());
        assertEquals(1, applied.size());
        assertEquals(ApplyResult.Outcome.APPLIED, outcome.result().outcome());
    }

    @Test
    void theRefusedCandidateIsRejectedAloneAndTheOthersAreApplied() {
        Map<ResourceKey, Choice> choices = choices(candidate(RED, 101, Optional.of(100)),
                candidate(BLUE, 201, Optional.of(200)), candidate(GREEN, 301, Optional.empty()));

        FrrAttribution.Outcome outcome = apply(choices, Set.of(201));

        assertEquals(Map.of(BLUE, "line 12: % Unknown command"), outcome.refused());
        assertEquals(List.of(Set.of(101, 201, 301), Set.of(100, 200), Set.of(101, 200), Set.of(101, 201),
                Set.of(101, 200, 301)), applied, "everything, then the versions in force, then each candidate added");
        assertEquals(200, ((L3VNI) outcome.choices().get(BLUE).resource()).vni(), "blue's version in force stays");
        assertFalse(outcome.choices().get(BLUE).candidate());
        assertEquals(101, ((L3VNI) outcome.choices().get(RED).resource()).vni());
        assertEquals(301, ((L3VNI) outcome.choices().get(GREEN).resource()).vni());
        assertEquals(ApplyResult.Outcome.APPLIED, outcome.result().outcome());
    }

    @Test
    void aSingleChangedCandidateIsToBlameWithoutFurtherTries() {
        FrrAttribution.Outcome outcome = apply(choices(candidate(RED, 101, Optional.of(100)),
                new Choice(candidate(BLUE, 200, Optional.of(200)).entry(), vni(BLUE, 200), true)), Set.of(101));

        assertEquals(Map.of(RED, "line 12: % Unknown command"), outcome.refused());
        assertEquals(List.of(Set.of(101, 200), Set.of(100, 200)), applied);
    }

    @Test
    void aNewRefusedCandidateIsLeftOut() {
        FrrAttribution.Outcome outcome = apply(choices(candidate(RED, 100, Optional.of(100)),
                candidate(GREEN, 301, Optional.empty())), Set.of(301));

        assertEquals(Set.of(GREEN), outcome.refused().keySet());
        assertEquals(Set.of(RED), outcome.choices().keySet());
    }

    @Test
    void whenFrrRefusesEvenWhatIsInForceNoCandidateIsBlamed() {
        FrrAttribution.Outcome outcome = apply(choices(candidate(RED, 101, Optional.of(100))), Set.of(100, 101));

        assertEquals(Map.of(), outcome.refused());
        assertEquals(ApplyResult.Outcome.FAILED, outcome.result().outcome());
        assertTrue(outcome.choices().get(RED).candidate());
    }
}
