package org.openpe.api.frr;

import java.util.Optional;

/** A {@code bfd} / {@code profile <name>} stanza. Empty optionals keep FRR's defaults. */
public record BfdProfile(
        String name,
        Optional<Integer> receiveInterval,
        Optional<Integer> transmitInterval,
        Optional<Integer> detectMultiplier,
        Optional<Integer> echoInterval,
        boolean echoMode,
        boolean passiveMode,
        Optional<Integer> minimumTtl) {}
