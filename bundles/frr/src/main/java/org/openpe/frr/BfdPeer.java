package org.openpe.frr;

import java.time.Duration;

/**
 * A BFD session, from {@code show bfd peers json}. Intervals in milliseconds.
 *
 * @param status {@code up}, {@code down}, {@code init}, {@code shutdown}
 * @param since time in the current status (FRR's uptime or downtime)
 */
public record BfdPeer(
        String peer,
        String local,
        String vrf,
        String status,
        Duration since,
        boolean multihop,
        boolean passive,
        int receiveInterval,
        int transmitInterval,
        int detectMultiplier,
        int remoteReceiveInterval,
        int remoteTransmitInterval,
        int remoteDetectMultiplier) {}
