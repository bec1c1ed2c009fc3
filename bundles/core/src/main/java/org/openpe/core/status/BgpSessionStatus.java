package org.openpe.core.status;

import java.util.Optional;

/**
 * One BGP session as FRR reports it.
 *
 * @param vrf {@code default} for the default instance
 * @param state FRR's state name, e.g. {@code Established}, {@code Active}
 * @param uptime FRR's uptime text while established
 */
public record BgpSessionStatus(String vrf, String peer, long remoteAs, String state, Optional<String> uptime) {}
