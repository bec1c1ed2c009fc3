package org.openpe.core.validation;

import java.util.List;
import java.util.Optional;
import org.openpe.api.frr.RouteTargets;

/** {@code rd}, {@code importRTs} and {@code exportRTs} of an L3VNI or L2VNI. */
final class RouteTargetRules {

    private RouteTargetRules() {}

    static RouteTargets check(String rd, List<String> importRts, List<String> exportRts, Problems p) {
        if (rd != null) {
            RouteTargets.problem(rd).ifPresent(why -> p.add("'rd' = '" + rd + "' " + why));
        }
        List<String> imports = list("importRTs", importRts, p);
        List<String> exports = list("exportRTs", exportRts, p);
        return p.isEmpty() ? new RouteTargets(Optional.ofNullable(rd), imports, exports) : RouteTargets.AUTO;
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
