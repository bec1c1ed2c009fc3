package org.openpe.core.status;

/**
 * What one reconcile pass made of one configured resource: the fact a pass contributes to the
 * resource's status, which {@link ResourceStatuses#derive} combines with the verdict and the
 * version in force.
 */
public sealed interface PassOutcome {

    /** The version the pass chose (the candidate, or else the version in force) is realised. */
    record Realised(boolean candidate) implements PassOutcome {}

    /** Nothing of the resource is realised: its candidate is rejected and no version is in force. */
    record NotRealised() implements PassOutcome {}

    /** Its plugin is away: what it contributed last stands, nothing of it is changed. */
    record PluginAwaited(String reason) implements PassOutcome {}

    /** No plugin realises its type. */
    record Unsupported(String reason) implements PassOutcome {}

    /** Its part of the kernel or FRR could not be applied. */
    record Failed(String reason) implements PassOutcome {}

    /** The pass only added (another type's plugin is awaited): what it no longer declares may remain. */
    record OnlyAdded(String reason) implements PassOutcome {}
}
