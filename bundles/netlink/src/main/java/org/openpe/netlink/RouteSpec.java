package org.openpe.netlink;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A route to add or delete. Build it with {@link #to(IpPrefix)} or {@link #unreachable(IpPrefix)} and the
 * {@code with*} methods, e.g. {@code RouteSpec.unreachable(IpPrefix.defaultV4()).inTable(1001)}.
 *
 * @param type        route type
 * @param destination destination prefix
 * @param gateway     next hop
 * @param device      output device name
 * @param table       routing table id; {@link #MAIN_TABLE} by default
 * @param protocol    RTPROT_* value written on add; {@link #PROTO_BOOT} by default, like {@code ip route add}
 * @param metric      RTA_PRIORITY; 0 = kernel default
 */
public record RouteSpec(RouteType type, IpPrefix destination, Optional<InetAddress> gateway,
                        Optional<String> device, int table, int protocol, int metric) {
    public static final int MAIN_TABLE = 254;
    public static final int PROTO_BOOT = 3;
    public static final int PROTO_STATIC = 4;

    public RouteSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(device, "device");
        if (table <= 0) {
            throw new IllegalArgumentException("route table must be positive: " + table);
        }
        gateway.ifPresent(gw -> {
            if (gw.getAddress().length != destination.address().getAddress().length) {
                throw new IllegalArgumentException("gateway " + gw.getHostAddress() + " is not of the family of " + destination);
            }
        });
    }

    /** A unicast route to {@code destination} in the main table. */
    public static RouteSpec to(IpPrefix destination) {
        return new RouteSpec(RouteType.UNICAST, destination, Optional.empty(), Optional.empty(), MAIN_TABLE, PROTO_BOOT, 0);
    }

    /** An unreachable route (packets get ICMP unreachable) in the main table. */
    public static RouteSpec unreachable(IpPrefix destination) {
        return new RouteSpec(RouteType.UNREACHABLE, destination, Optional.empty(), Optional.empty(), MAIN_TABLE, PROTO_BOOT, 0);
    }

    public RouteSpec via(InetAddress nextHop) {
        return new RouteSpec(type, destination, Optional.of(nextHop), device, table, protocol, metric);
    }

    public RouteSpec dev(String deviceName) {
        return new RouteSpec(type, destination, gateway, Optional.of(deviceName), table, protocol, metric);
    }

    public RouteSpec inTable(int tableId) {
        return new RouteSpec(type, destination, gateway, device, tableId, protocol, metric);
    }

    public RouteSpec withProtocol(int rtprot) {
        return new RouteSpec(type, destination, gateway, device, table, rtprot, metric);
    }

    public RouteSpec withMetric(int priority) {
        return new RouteSpec(type, destination, gateway, device, table, protocol, priority);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (type != RouteType.UNICAST) {
            text.append(type.name().toLowerCase(java.util.Locale.ROOT)).append(' ');
        }
        text.append(destination);
        gateway.ifPresent(gw -> text.append(" via ").append(gw.getHostAddress()));
        device.ifPresent(dev -> text.append(" dev ").append(dev));
        if (table != MAIN_TABLE) {
            text.append(" table ").append(table);
        }
        if (metric != 0) {
            text.append(" metric ").append(metric);
        }
        return text.toString();
    }
}
