package org.openpe.core.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openpe.api.model.BFDSettings;
import org.openpe.api.model.Neighbor;
import org.openpe.api.model.Resource;
import org.openpe.api.model.Underlay;
import org.openpe.core.config.GoDuration;
import org.openpe.core.definition.Defined;
import org.openpe.core.definition.Definitions;

/**
 * The effective values of a resource (defaults applied) under their configuration keys, as a
 * JSON tree or as dotted {@code key = value} lines. Passwords are masked.
 */
final class ResourceView {

    static final String MASK = "****";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper VALUES = new ObjectMapper();

    private ResourceView() {}

    static ObjectNode tree(Resource resource, Definitions definitions) {
        ObjectNode node = NODES.objectNode();
        if (resource instanceof Underlay u) {
            node.put("asn", u.asn());
            node.put("routeridcidr", u.routerIdCidr());
            ArrayNode neighbors = node.putArray("neighbors");
            u.neighbors().forEach(n -> neighbors.add(neighbor(n)));
            ArrayNode nics = node.putArray("nics");
            u.nics().forEach(nics::add);
            u.evpn().ifPresent(e -> node.putObject("evpn").put("vtepcidr", e.vtepCidr()));
            u.gracefulRestart().ifPresent(g -> node.putObject("gracefulRestart")
                    .put("restartTimeSeconds", g.restartTime()).put("stalePathTimeSeconds", g.stalePathTime()));
        } else {
            definitions.of(resource.type()).ifPresent(d -> node.setAll((ObjectNode) VALUES.valueToTree(
                    Defined.view(d, resource))));
        }
        return node;
    }

    /** {@code neighbors.0.asn = 64512} style lines, in tree order; plain lists comma-separated, as in a .cfg file. */
    static Map<String, String> flat(JsonNode tree) {
        Map<String, String> lines = new LinkedHashMap<>();
        flatten("", tree, lines);
        return lines;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix + e.getKey() + ".", e.getValue(), out));
        } else if (node.isArray() && allValues(node)) {
            List<String> values = new ArrayList<>();
            node.forEach(v -> values.add(v.asText()));
            out.put(prefix.substring(0, prefix.length() - 1), String.join(",", values));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + i + ".", node.get(i), out);
            }
        } else {
            out.put(prefix.substring(0, prefix.length() - 1), node.asText());
        }
    }

    private static boolean allValues(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    private static ObjectNode neighbor(Neighbor n) {
        ObjectNode node = NODES.objectNode();
        n.type().ifPresentOrElse(t -> node.put("type", t.keyword()), () -> node.put("asn", n.asn()));
        n.hostAsn().ifPresent(a -> node.put("hostasn", a));
        node.put("address", n.address());
        n.port().ifPresent(p -> node.put("port", p));
        n.password().ifPresent(p -> node.put("password", MASK));
        n.passwordSecret().ifPresent(p -> node.put("passwordSecret", p));
        duration(node, "holdTime", n.holdTime());
        duration(node, "keepaliveTime", n.keepaliveTime());
        duration(node, "connectTime", n.connectTime());
        node.put("ebgpMultiHop", n.ebgpMultiHop());
        n.bfd().ifPresent(b -> node.set("bfd", bfd(b)));
        return node;
    }

    private static ObjectNode bfd(BFDSettings b) {
        ObjectNode node = NODES.objectNode();
        b.receiveInterval().ifPresent(v -> node.put("receiveInterval", v));
        b.transmitInterval().ifPresent(v -> node.put("transmitInterval", v));
        b.detectMultiplier().ifPresent(v -> node.put("detectMultiplier", v));
        b.echoInterval().ifPresent(v -> node.put("echoInterval", v));
        node.put("echoMode", b.echoMode());
        node.put("passiveMode", b.passiveMode());
        b.minimumTtl().ifPresent(v -> node.put("minimumTtl", v));
        return node;
    }

    private static void duration(ObjectNode node, String key, Optional<Duration> value) {
        value.ifPresent(d -> node.put(key, GoDuration.format(d)));
    }
}
