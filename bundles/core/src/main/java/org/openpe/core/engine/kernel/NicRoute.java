package org.openpe.core.engine.kernel;

import java.util.Optional;

/**
 * A route of the host namespace through the underlay NIC, kept while the NIC is in the router
 * namespace (the kernel removes it with the move) and added again when the NIC comes back.
 *
 * @param destination prefix, e.g. {@code 0.0.0.0/0}
 * @param gateway next hop, if any
 * @param table routing table id
 * @param protocol RTPROT_* value it had (boot, static, dhcp ...)
 * @param metric its metric (0: the kernel's default)
 */
public record NicRoute(String destination, Optional<String> gateway, int table, int protocol, int metric) {

    @Override
    public String toString() {
        return destination + gateway.map(g -> " via " + g).orElse("")
                + (table == 254 ? "" : " table " + table) + (metric == 0 ? "" : " metric " + metric);
    }
}
