package org.openpe.core.status;

import org.openpe.l3vni.L3VNI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.openpe.api.ResourceType;
import org.openpe.api.model.Resource;
import org.openpe.core.config.AppliedVersion;
import org.openpe.core.config.ConfigSource;
import org.openpe.core.config.ResourceEntry;
import org.openpe.core.config.ResourceKey;
import org.openpe.core.config.Snapshot;
import org.openpe.core.validation.ConfigValidator;
import org.openpe.core.definition.TestDefinitions;
import org.openpe.core.validation.TestConfigs;
import org.openpe.core.validation.Verdict;

/** A resource's status from its verdict, its version in force and the outcome of the pass that reconciled it. */
class ResourceStatusesTest {

    private static final ResourceKey RED = new ResourceKey(L3VNI.TYPE, "red");
    private static final Resource RED_100 = ConfigValidator.resource(RED, TestConfigs.l3vni(100, "192.169.10.0/24"), TestDefinitions.ALL)
            .orElseThrow();
    private static final Resource RED_101 = ConfigValidator.resource(RED, TestConfigs.l3vni(101, "192.169.10.0/24"), TestDefinitions.ALL)
            .orElseThrow();

    @Test
    void aRealisedCandidateIsAppliedAtItsGeneration() {
        ResourceStatus status = ResourceStatuses.derive(valid(2, true), new PassOutcome.Realised(true), Optional.empty());

        assertEquals(ResourceState.APPLIED, status.state());
        assertEquals(2, status.generation());
        assertEquals(OptionalLong.of(2), status.appliedGeneration());
    }

    @Test
    void aCandidateHeldBackKeepsTheVersionInForceAppliedAndSaysWhyItIsNot() {
        ResourceStatus status = ResourceStatuses.derive(valid(2, true), new PassOutcome.Realised(false),
                Optional.of("FRR refused it: % Unknown command"));

        assertEquals(ResourceState.APPLIED, status.state());
        assertEquals(OptionalLong.of(1), status.appliedGeneration());
        assertEquals("generation 2 rejected: FRR refused it: % Unknown command", status.reason());
    }

    @Test
    void aFailedPassFailsTheGenerationItReconciledAndNamesTheVersionInForce() {
        ResourceStatus status = ResourceStatuses.derive(valid(2, true), new PassOutcome.Failed("create vrf red: EPERM"),
                Optional.empty());

        assertEquals(ResourceState.FAILED, status.state());
        assertEquals("Failed (generation 2; generation 1 in force)", status.label());
    }

    @Test
    void aBlockedResourceIsBlockedWhateverThePassDid() {
        ResourceEntry blocked = entry(3, Optional.empty(), new Verdict.Blocked("underlay default", "waits for the underlay"));

        assertEquals(ResourceState.BLOCKED,
                ResourceStatuses.derive(blocked, new PassOutcome.NotRealised(), Optional.empty()).state());
        assertEquals(ResourceState.BLOCKED, ResourceStatuses.fromVerdict(blocked).state());
    }

    @Test
    void whatAPassDerivedForAnOlderGenerationIsNotShownForTheNewOne() {
        InMemoryStatusBoard board = new InMemoryStatusBoard();
        board.set(RED, ResourceStatuses.derive(valid(1, false), new PassOutcome.Realised(true), Optional.empty()));
        ResourceEntry edited = valid(2, true);

        ResourceStatus shown = ResourceStatuses.shown(edited, new Snapshot(2, TestConfigs.node(3), List.of(edited)), board);

        assertEquals(ResourceState.PENDING, shown.state());
        assertEquals("Pending (generation 2; generation 1 in force)", shown.label());
    }

    @Test
    void aSecondEntryOfATakenNameShowsWhatItsVerdictImpliesNotTheOwnersStatus() {
        InMemoryStatusBoard board = new InMemoryStatusBoard();
        ResourceEntry owner = valid(1, false);
        ResourceEntry duplicate = entry(1, Optional.empty(), new Verdict.Invalid(List.of("l3vni red: name taken")));
        board.set(RED, ResourceStatuses.derive(owner, new PassOutcome.Realised(true), Optional.empty()));
        Snapshot snapshot = new Snapshot(1, TestConfigs.node(3), List.of(owner, duplicate));

        assertEquals(ResourceState.APPLIED, ResourceStatuses.shown(owner, snapshot, board).state());
        ResourceStatus shown = ResourceStatuses.shown(duplicate, snapshot, board);
        assertEquals(ResourceState.INVALID, shown.state());
        assertTrue(shown.message().contains("name taken"), shown::message);
    }

    /** A valid entry at {@code generation}, with generation 1 in force when {@code edited}. */
    private static ResourceEntry valid(long generation, boolean edited) {
        return entry(generation, edited ? Optional.of(new AppliedVersion(1, RED_100)) : Optional.empty(), Verdict.VALID);
    }

    private static ResourceEntry entry(long generation, Optional<AppliedVersion> applied, Verdict verdict) {
        Optional<Resource> resource = verdict instanceof Verdict.Valid ? Optional.of(RED_101) : Optional.empty();
        return new ResourceEntry(RED, new ConfigSource("org.openpe.l3vni~red", Optional.empty()), Map.of(), generation,
                resource, resource, applied, verdict);
    }
}
