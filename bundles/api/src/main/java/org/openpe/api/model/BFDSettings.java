package org.openpe.api.model;

import java.util.Objects;
import java.util.Optional;

/**
 * BFD settings of a neighbor. Empty optionals keep FRR's defaults; when every field is at its
 * default ({@link #isDefault()}) plain {@code bfd} is rendered instead of a profile.
 *
 * @param receiveInterval milliseconds, 10..60000
 * @param transmitInterval milliseconds, 10..60000
 * @param detectMultiplier 2..255
 * @param echoInterval milliseconds, 10..60000
 * @param minimumTtl multi-hop sessions only, 1..254
 */
public record BFDSettings(
        Optional<Integer> receiveInterval,
        Optional<Integer> transmitInterval,
        Optional<Integer> detectMultiplier,
        Optional<Integer> echoInterval,
        boolean echoMode,
        boolean passiveMode,
        Optional<Integer> minimumTtl) {

    public static final BFDSettings DEFAULT = new BFDSettings(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, false, Optional.empty());

    public BFDSettings {
        Objects.requireNonNull(receiveInterval, "receiveInterval");
        Objects.requireNonNull(transmitInterval, "transmitInterval");
        Objects.requireNonNull(detectMultiplier, "detectMultiplier");
        Objects.requireNonNull(echoInterval, "echoInterval");
        Objects.requireNonNull(minimumTtl, "minimumTtl");
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }
}
