package org.openpe.api.definition;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openpe.api.frr.RouteTargets;

/**
 * The fields every EVPN instance has: {@code vni}, {@code vxlanport}, {@code vrf} and
 * {@code rd}/{@code importRTs}/{@code exportRTs}.
 */
public final class EvpnFields {

    public static final long MAX_VNI = 16777215L;
    public static final int DEFAULT_VXLAN_PORT = 4789;
    /** How {@link #viewRouteTargets} shows FRR's auto-derived values. */
    public static final String AUTO = "auto";

    private EvpnFields() {}

    /** {@code vni}: required, 1..16777215. */
    public static Long vni(Long vni, Problems p) {
        return p.range("vni", p.required("vni", vni), 1, MAX_VNI);
    }

    /** {@code vxlanport}: 1..65535, default {@value #DEFAULT_VXLAN_PORT}. */
    public static Long vxlanPort(Long port, Problems p) {
        Long value = port == null ? Long.valueOf(DEFAULT_VXLAN_PORT) : port;
        return p.range("vxlanport", value, 1, 65535);
    }

    /** {@code vrf}, or the resource name it defaults to: a valid interface name either way. */
    public static void vrf(String name, String vrf, Problems p) {
        if (vrf != null) {
            p.interfaceName("vrf", vrf);
        } else if (name.length() > Problems.MAX_INTERFACE_NAME || !Problems.INTERFACE_NAME.matcher(name).matches()) {
            p.add("the VRF name defaults to the resource name '" + name + "', which is not a valid interface name"
                    + " (at most 15 characters, a letter first, then letters, digits, '_' or '-'); set 'vrf'");
        }
    }

    /** {@code rd}, {@code importRTs} and {@code exportRTs}; {@link RouteTargets#AUTO} when a problem was reported. */
    public static RouteTargets routeTargets(String rd, List<String> importRts, List<String> exportRts, Problems p) {
        if (rd != null) {
            RouteTargets.problem(rd).ifPresent(why -> p.add("'rd' = '" + rd + "' " + why));
        }
        List<String> imports = list("importRTs", importRts, p);
        List<String> exports = list("exportRTs", exportRts, p);
        return p.isEmpty() ? new RouteTargets(Optional.ofNullable(rd), imports, exports) : RouteTargets.AUTO;
    }

    /** Adds {@code rd}, {@code importRTs} and {@code exportRTs} to a view; FRR's auto-derived ones as {@value #AUTO}. */
    public static void viewRouteTargets(Map<String, Object> node, RouteTargets rts) {
        node.put("rd", rts.rd().orElse(AUTO));
        node.put("importRTs", rts.imports().isEmpty() ? AUTO : List.copyOf(rts.imports()));
        node.put("exportRTs", rts.exports().isEmpty() ? AUTO : List.copyOf(rts.exports()));
    }

    private static List<String> list(String key, List<String> values, Problems p) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > RouteTargets.MAX_TARGETS) {
            p.add("'" + key + "' lists " + values.size() + " route targets; at most " + RouteTargets.MAX_TARGETS);
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String where = values.size() == 1 ? key : key + "." + i;
            RouteTargets.problem(value).ifPresent(why -> p.add("'" + where + "' = '" + value + "' " + why));
        }
        return values;
    }
}
