package org.openpe.api.frr;

import java.util.Optional;

/**
 * A {@code profile <name>} in the {@code bfd} stanza. Empty optionals keep FRR's defaults. Limits
 * are those of the seed API (intervals in milliseconds).
 */
public record BfdProfile(
        String name,
        Optional<Integer> receiveInterval,
        Optional<Integer> transmitInterval,
        Optional<Integer> detectMultiplier,
        Optional<Integer> echoInterval,
        boolean echoMode,
        boolean passiveMode,
        Optional<Integer> minimumTtl) {

    public BfdProfile {
        Words.requireWord(name, "BFD profile name");
        receiveInterval.ifPresent(v -> Words.requireRange(v, 10, 60_000, "receiveInterval of BFD profile " + name));
        transmitInterval.ifPresent(v -> Words.requireRange(v, 10, 60_000, "transmitInterval of BFD profile " + name));
        detectMultiplier.ifPresent(v -> Words.requireRange(v, 2, 255, "detectMultiplier of BFD profile " + name));
        echoInterval.ifPresent(v -> Words.requireRange(v, 10, 60_000, "echoInterval of BFD profile " + name));
        minimumTtl.ifPresent(v -> Words.requireRange(v, 1, 254, "minimumTtl of BFD profile " + name));
    }

    /** The profile name used for a neighbor's BFD settings: {@code neighbor-<address>}. */
    public static String nameFor(String neighborAddress) {
        return "neighbor-" + neighborAddress;
    }

    /** A profile with FRR's defaults, to be refined with the {@code with...} methods. */
    public static BfdProfile named(String name) {
        return new BfdProfile(name, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false,
                false, Optional.empty());
    }

    public BfdProfile withReceiveInterval(int ms) {
        return new BfdProfile(name, Optional.of(ms), transmitInterval, detectMultiplier, echoInterval, echoMode,
                passiveMode, minimumTtl);
    }

    public BfdProfile withTransmitInterval(int ms) {
        return new BfdProfile(name, receiveInterval, Optional.of(ms), detectMultiplier, echoInterval, echoMode,
                passiveMode, minimumTtl);
    }

    public BfdProfile withDetectMultiplier(int multiplier) {
        return new BfdProfile(name, receiveInterval, transmitInterval, Optional.of(multiplier), echoInterval, echoMode,
                passiveMode, minimumTtl);
    }

    public BfdProfile withEchoInterval(int ms) {
        return new BfdProfile(name, receiveInterval, transmitInterval, detectMultiplier, Optional.of(ms), echoMode,
                passiveMode, minimumTtl);
    }

    public BfdProfile withEchoMode(boolean on) {
        return new BfdProfile(name, receiveInterval, transmitInterval, detectMultiplier, echoInterval, on,
                passiveMode, minimumTtl);
    }

    public BfdProfile withPassiveMode(boolean on) {
        return new BfdProfile(name, receiveInterval, transmitInterval, detectMultiplier, echoInterval, echoMode, on,
                minimumTtl);
    }

    public BfdProfile withMinimumTtl(int ttl) {
        return new BfdProfile(name, receiveInterval, transmitInterval, detectMultiplier, echoInterval, echoMode,
                passiveMode, Optional.of(ttl));
    }
}
