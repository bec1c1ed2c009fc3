package org.openpe.core.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.openpe.api.ResourceType;
import org.openpe.api.model.Resource;
import org.openpe.core.config.AppliedVersion;
import org.openpe.core.config.Candidate;
import org.openpe.core.config.ConfigSource;
import org.openpe.core.config.ResourceEntry;
import org.openpe.core.config.ResourceKey;
import org.openpe.core.definition.TestDefinitions;

/** Builders for configurations as config admin would deliver them from .cfg files (all values strings). */
public final class TestConfigs {

    private TestConfigs() {}

    public static Map<String, Object> props(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    public static Map<String, Object> with(Map<String, Object> base, Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                map.remove((String) keyValues[i]);
            } else {
                map.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return map;
    }

    public static Map<String, Object> underlay() {
        return props("asn", "64514", "nics", "toswitch", "neighbors.0.asn", "64512",
                "neighbors.0.address", "192.168.11.2", "evpn.vtepcidr", "100.65.0.0/24");
    }

    public static Map<String, Object> l3vni(int vni, String cidr) {
        return props("vni", String.valueOf(vni), "hostsession.asn", "64514", "hostsession.hostasn", "64515",
                "hostsession.localcidr.ipv4", cidr);
    }

    public static Map<String, Object> l2vni(int vni) {
        return props("vni", String.valueOf(vni), "vrf", "red", "hostmaster.autocreate", "true",
                "l2gatewayip", "192.171.24.1/24");
    }

    public static Map<String, Object> passthrough() {
        return props("hostsession.asn", "64514", "hostsession.hostasn", "64515",
                "hostsession.localcidr.ipv4", "192.168.20.0/24", "hostsession.localcidr.ipv6", "2001:db8:10::/64");
    }

    public static Candidate candidate(ResourceType type, String name, Map<String, Object> properties) {
        return Candidate.of(new ResourceKey(type, name),
                new ConfigSource(type.factoryPid() + "~" + name, Optional.empty()), properties);
    }

    public static Candidate updated(Candidate c, Resource previous) {
        return new Candidate(c.key(), c.source(), c.properties(), 2, Optional.of(new AppliedVersion(1, previous)),
                Optional.empty());
    }

    public static NodeState node(int index) {
        return new NodeState(Optional.of(new ConfigSource("org.openpe.node", Optional.empty())), NodeRules.defaults(),
                OptionalInt.of(index), List.of());
    }

    /** A configuration set being built. */
    public static final class Set {
        private final List<Candidate> candidates = new ArrayList<>();

        public Set add(ResourceType type, String name, Map<String, Object> properties) {
            candidates.add(candidate(type, name, properties));
            return this;
        }

        public Set add(Candidate c) {
            candidates.add(c);
            return this;
        }

        public Map<String, ResourceEntry> validate(int nodeIndex) {
            return validate(node(nodeIndex));
        }

        public Map<String, ResourceEntry> validate(NodeState node) {
            Map<String, ResourceEntry> byKey = new LinkedHashMap<>();
            for (ResourceEntry e : ConfigValidator.validate(candidates, node, TestDefinitions.ALL)) {
                byKey.putIfAbsent(e.key().toString(), e);
            }
            return byKey;
        }

        public List<ResourceEntry> validateAll(int nodeIndex) {
            return ConfigValidator.validate(candidates, node(nodeIndex), TestDefinitions.ALL);
        }
    }
}
