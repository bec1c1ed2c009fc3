package org.openpe.netlink;

import java.net.InetAddress;
import java.util.Optional;

/**
 * A route as the kernel reports it (one RTM_NEWROUTE).
 *
 * @param type        route type
 * @param destination destination prefix (0.0.0.0/0 or ::/0 for the default route)
 * @param gateway     next-hop address, if any
 * @param outputIndex ifindex of the output device (RTA_OIF); 0 when none
 * @param table       routing table id (RTA_TABLE, so ids above 255 are exact)
 * @param protocol    RTPROT_* value (2 kernel, 3 boot, 4 static, ...)
 * @param scope       RT_SCOPE_* value
 * @param priority    metric (RTA_PRIORITY); 0 when absent
 * @param preferredSource source address hint (RTA_PREFSRC), set on kernel-made routes
 */
public record Route(RouteType type, IpPrefix destination, Optional<InetAddress> gateway, int outputIndex,
                    int table, int protocol, int scope, int priority, Optional<InetAddress> preferredSource) {
}
