package org.openpe.frr.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.openpe.frr.BfdPeer;
import org.openpe.frr.BgpNeighborState;
import org.openpe.frr.EvpnRoute;
import org.openpe.frr.EvpnVni;
import org.openpe.frr.FrrException;
import org.openpe.frr.ZebraInterface;

/** Parses FRR 8.4's JSON output into the typed observation records. */
final class Observations {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Observations() {}

    /** {@code show bgp vrf all summary json}: vrf → address family → peers. */
    static List<BgpNeighborState> bgpNeighbors(String json) {
        List<BgpNeighborState> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> vrf : fields(parse(json, "BGP summary"))) {
            for (Map.Entry<String, JsonNode> family : fields(vrf.getValue())) {
                for (Map.Entry<String, JsonNode> peer : fields(family.getValue().path("peers"))) {
                    JsonNode p = peer.getValue();
                    result.add(new BgpNeighborState(vrf.getKey(), family.getKey(), peer.getKey(), p.path("remoteAs").asLong(),
                            p.path("localAs").asLong(), p.path("state").asText(""),
                            Duration.ofMillis(p.path("peerUptimeMsec").asLong()), p.path("pfxRcd").asLong(),
                            p.path("pfxSnt").asLong(), p.path("connectionsEstablished").asLong(),
                            p.path("connectionsDropped").asLong()));
                }
            }
        }
        return result;
    }

    /** {@code show evpn vni json}: vni → details. */
    static List<EvpnVni> evpnVnis(String json) {
        List<EvpnVni> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : fields(parse(json, "EVPN VNIs"))) {
            JsonNode v = entry.getValue();
            JsonNode remote = v.path("numRemoteVteps");
            result.add(new EvpnVni(v.path("vni").asLong(), v.path("type").asText(""), v.path("vxlanIf").asText(""),
                    v.path("tenantVrf").asText(""), v.path("numMacs").asInt(),
                    remote.isNumber() ? OptionalInt.of(remote.asInt()) : OptionalInt.empty()));
        }
        return result;
    }

    /** {@code show bgp l2vpn evpn route detail json}: rd → route key → paths. */
    static List<EvpnRoute> evpnRoutes(String json) {
        List<EvpnRoute> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> rd : fields(parse(json, "EVPN routes"))) {
            for (Map.Entry<String, JsonNode> route : fields(rd.getValue())) {
                if (route.getKey().startsWith("[")) {
                    for (JsonNode path : paths(route.getValue().path("paths"))) {
                        result.add(evpnRoute(rd.getKey(), route.getKey(), route.getValue(), path));
                    }
                }
            }
        }
        return result;
    }

    private static EvpnRoute evpnRoute(String rd, String key, JsonNode route, JsonNode path) {
        int type = route.path("routeType").asInt(path.path("routeType").asInt());
        Optional<String> ip = text(route, "ip").or(() -> text(path, "ip"));
        if (type == 5) {
            ip = ip.map(a -> a + "/" + route.path("ipLen").asInt(path.path("ipLen").asInt()));
        }
        String vni = path.path("vni").asText(path.path("VNI").asText(""));
        JsonNode best = path.path("bestpath");
        String peerId = path.path("peer").path("peerId").asText(path.path("peerId").asText(""));
        return new EvpnRoute(type, rd, key, text(route, "mac").or(() -> text(path, "mac")), ip,
                vni.matches("\\d+") ? OptionalLong.of(Long.parseLong(vni)) : OptionalLong.empty(),
                path.path("nexthops").path(0).path("ip").asText(""),
                peerId.isEmpty() || peerId.startsWith("(") ? Optional.empty() : Optional.of(peerId),
                best.isObject() ? best.path("overall").asBoolean() : best.asBoolean());
    }

    /** {@code paths} is a list of paths, or (detail output) a list of lists of paths. */
    private static List<JsonNode> paths(JsonNode paths) {
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode p : paths) {
            if (p.isArray()) {
                p.forEach(result::add);
            } else {
                result.add(p);
            }
        }
        return result;
    }

    /** {@code show bfd peers json}: a list of sessions. */
    static List<BfdPeer> bfdPeers(String json) {
        List<BfdPeer> result = new ArrayList<>();
        for (JsonNode p : parse(json, "BFD peers")) {
            long since = p.has("uptime") ? p.path("uptime").asLong() : p.path("downtime").asLong();
            result.add(new BfdPeer(p.path("peer").asText(""), p.path("local").asText(""), p.path("vrf").asText(""),
                    p.path("status").asText(""), Duration.ofSeconds(since), p.path("multihop").asBoolean(),
                    p.path("passive-mode").asBoolean(), p.path("receive-interval").asInt(),
                    p.path("transmit-interval").asInt(), p.path("detect-multiplier").asInt(),
                    p.path("remote-receive-interval").asInt(), p.path("remote-transmit-interval").asInt(),
                    p.path("remote-detect-multiplier").asInt()));
        }
        return result;
    }

    /**
     * {@code show interface vrf all json}: interface name → details, or (as some FRR releases print
     * it) VRF name → interface name → details.
     */
    static List<ZebraInterface> interfaces(String json) {
        List<ZebraInterface> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : fields(parse(json, "interfaces"))) {
            if (entry.getValue().has("index")) {
                result.add(zebraInterface(entry.getKey(), entry.getValue()));
            } else {
                fields(entry.getValue()).forEach(i -> result.add(zebraInterface(i.getKey(), i.getValue())));
            }
        }
        return result;
    }

    private static ZebraInterface zebraInterface(String name, JsonNode i) {
        List<String> addresses = new ArrayList<>();
        i.path("ipAddresses").forEach(a -> text(a, "address").ifPresent(addresses::add));
        return new ZebraInterface(name, i.path("index").asInt(), i.path("vrfName").asText("default"), addresses);
    }

    /** FRR prints nothing at all (not even {@code {}}) when a daemon has nothing to show. */
    private static JsonNode parse(String json, String what) {
        if (json.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new FrrException("FRR's " + what + " output is not JSON: "
                    + json.substring(0, Math.min(200, json.length())).strip(), e);
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        if (!node.isObject()) {
            return List.of();
        }
        return node.properties();
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
