package org.openpe.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openpe.api.Reconciler;
import org.openpe.api.ResourceType;
import org.openpe.api.frr.FrrConfig;
import org.openpe.api.model.Resource;
import org.openpe.core.config.AppliedVersion;
import org.openpe.core.config.Candidate;
import org.openpe.core.config.ConfigSource;
import org.openpe.core.config.ResourceEntry;
import org.openpe.core.config.ResourceKey;
import org.openpe.core.definition.TestDefinitions;
import org.openpe.core.engine.DesiredState;
import org.openpe.core.engine.DesiredStateBuilder;
import org.openpe.core.engine.VrfTables;
import org.openpe.frr.ApplyResult;
import org.openpe.l2vni.L2VNI;
import org.openpe.l2vni.L2VniReconciler;
import org.openpe.l3vni.L3VNI;
import org.openpe.l3vni.L3VniReconciler;
import org.openpe.passthrough.L3Passthrough;
import org.openpe.passthrough.PassthroughReconciler;

/**
 * Feeds thousands of mutated configurations through validation: every outcome must be a verdict,
 * never an exception, every message must name its resource, and what is judged valid builds.
 */
class RandomConfigurationTest {

    private static final long SEED = 20261122L;
    private static final int CASES = 4000;
    private static final Object[] VALUES = {"", " ", "abc", "-1", "0", "1", "2", "3", "255", "65535", "65536", "16384",
            "16777215", "16777216", "4294967295", "4294967296", "99999999999999999999", "1.5", "true", "false", "yes",
            "10.0.0.0/33", "10.0.0.0/24", "10.0.0.0/30", "::/0", "2001:db8::/64", "2001:db8::/127", "fe80::1",
            "192.169.10.0/24", "192.169.10.1", "300.1.1.1/24", "red", "a-very-long-interface-name", "0eth", "br 0",
            "bridge", "ovs", "two words", "pässword", "192.168.11.2", "90s", "1m30s", "500ms", "2s", "-3s", "1h", "1d", "a,b", ",", "x".repeat(300),
            64512L, 0L, -5L, Long.MAX_VALUE, 7, Boolean.TRUE, 1.25d, new String[] {"eth0"}, new String[] {"a", "b"},
            new long[] {1, 2}, List.of("x"), 'c'};
    private static final String[] SEGMENTS = {"asn", "hostasn", "0", "1", "2", "neighbors", "nics", "evpn",
            "vtepcidr", "hostsession", "localcidr", "ipv4", "ipv6", "vni", "vrf", "vxlanport", "hostmaster", "name",
            "type", "autocreate", "l2gatewayip", "bfd", "holdTime", "password", "address", "x", "", "service.pid", "nodeIndex", "frr"};

    /** How many built sets with a plugin's resource real FRR must accept. */
    private static final int FRR_SAMPLES = 6;

    private static final Map<ResourceType, Reconciler> PLUGINS = Map.of(L3VNI.TYPE, new L3VniReconciler(),
            L2VNI.TYPE, new L2VniReconciler(), L3Passthrough.TYPE, new PassthroughReconciler());

    private final Random random = new Random(SEED);

    @Test
    void mutatedConfigurationsOnlyEverProduceVerdicts() throws Exception {
        Map<ResourceType, Map<String, Object>> valid = new java.util.TreeMap<>();
        valid.put(ResourceType.UNDERLAY, TestConfigs.with(TestConfigs.underlay(), "neighbors.0.bfd.receiveInterval", "300",
                "neighbors.0.holdTime", "90s", "neighbors.0.keepaliveTime", "30s", "neighbors.1.asn", "64513",
                "neighbors.1.address", "fd00::1"));
        valid.put(L3VNI.TYPE, TestConfigs.l3vni(100, "192.169.10.0/24"));
        valid.put(L2VNI.TYPE, TestConfigs.l2vni(110));
        valid.put(L3Passthrough.TYPE, TestConfigs.passthrough());
        NodeRules nodeRules = new NodeRules(name -> Optional.empty());
        Map<String, Integer> verdicts = new HashMap<>();
        List<FrrConfig> frrSample = new ArrayList<>();

        for (int i = 0; i < CASES; i++) {
            NodeState node = nodeRules.evaluate(Optional.of(new ConfigSource("org.openpe.node", Optional.empty())),
                    random.nextInt(5) == 0 ? mutate(Map.of("nodeIndex", "0")) : Map.of("nodeIndex", random.nextInt(300)));
            List<Candidate> set = new ArrayList<>();
            int size = 1 + random.nextInt(6);
            for (int j = 0; j < size; j++) {
                ResourceType type = TestDefinitions.ALL.types().get(random.nextInt(4));
                Map<String, Object> props = mutate(valid.get(type));
                String name = random.nextInt(10) == 0 ? String.valueOf(VALUES[random.nextInt(VALUES.length)])
                        : "r" + random.nextInt(4);
                // a version in force was valid on this node
                Optional<AppliedVersion> previous = random.nextBoolean()
                        ? Optional.ofNullable(FieldRules.check(TestConfigs.candidate(type, name, valid.get(type)),
                                node.nodeIndex(), TestDefinitions.ALL).resource()).map(r -> new AppliedVersion(1, r))
                        : Optional.empty();
                set.add(new Candidate(new ResourceKey(type, name), new ConfigSource("pid" + j, Optional.empty()),
                        props, 2, previous, Optional.empty()));
            }
            List<ResourceEntry> entries = ConfigValidator.validate(set, node, TestDefinitions.ALL);
            assertEquals(set.size(), entries.size());
            assertBuildable(entries, node).filter(d -> frrSample.size() < FRR_SAMPLES)
                    .filter(d -> d.contributed().stream().anyMatch(k -> k.type() != ResourceType.UNDERLAY))
                    .ifPresent(d -> frrSample.add(d.frr()));
            for (ResourceEntry e : entries) {
                verdicts.merge(e.verdict().getClass().getSimpleName(), 1, Integer::sum);
                assertFalse(e.verdict() instanceof Verdict.Valid && e.realised().isEmpty(), e::toString);
                if (e.verdict() instanceof Verdict.Invalid invalid) {
                    assertFalse(invalid.reasons().isEmpty());
                    invalid.reasons().forEach(r -> assertTrue(r.startsWith(e.key() + ": "), r));
                }
                if (e.verdict() instanceof Verdict.Blocked blocked) {
                    assertTrue(blocked.reason().startsWith(e.key() + ": "), blocked.reason());
                }
            }
        }
        // the mutations must exercise every outcome, or this test proves little
        assertTrue(verdicts.getOrDefault("Valid", 0) > 100, verdicts::toString);
        assertTrue(verdicts.getOrDefault("Invalid", 0) > 100, verdicts::toString);
        assertTrue(verdicts.getOrDefault("Blocked", 0) > 100, verdicts::toString);
        assertEquals(FRR_SAMPLES, frrSample.size());
        assertAcceptedByRealFrr(frrSample);
    }

    /** A sample of what was built, plugins' parts included, is taken by a real FRR (frr-reload --test, --reload). */
    private static void assertAcceptedByRealFrr(List<FrrConfig> sample) throws Exception {
        if (!RealFrr.available()) {
            return;
        }
        try (RealFrr frr = new RealFrr()) {
            for (FrrConfig config : sample) {
                ApplyResult result = frr.apply(config);
                assertTrue(result.ok(), "FRR refused a valid configuration: " + result.message() + "\n" + frr.displayText(config));
            }
        }
        System.out.println("real FRR accepted " + sample.size() + " of the valid mutated sets, "
                + sample.stream().mapToLong(c -> c.routers().size()).sum() + " BGP instances in all");
    }

    /**
     * "Valid" means "buildable": what validation lets through builds into the desired state, with
     * the real plugins, without an exception or a failure.
     */
    private static Optional<DesiredState> assertBuildable(List<ResourceEntry> entries, NodeState node) {
        if (node.nodeIndex().isEmpty()) {
            return Optional.empty();
        }
        Map<ResourceKey, Resource> inForce = new LinkedHashMap<>();
        entries.forEach(e -> e.realised().ifPresent(r -> inForce.putIfAbsent(e.key(), r)));
        DesiredState desired = new DesiredStateBuilder(node.nodeIndex().getAsInt(), "perouter", "informational",
                type -> Optional.of(PLUGINS.get(type)), new VrfTables(Map.of())).build(List.copyOf(inForce.values()));
        entries.stream().filter(ResourceEntry::isValid)
                .forEach(e -> assertFalse(desired.failed().containsKey(e.key()),
                        () -> "valid but not buildable: " + desired.failed().get(e.key()) + "\n" + entries));
        return Optional.of(desired);
    }

    private Map<String, Object> mutate(Map<String, Object> base) {
        Map<String, Object> props = new LinkedHashMap<>(base);
        int mutations = random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            List<String> keys = new ArrayList<>(props.keySet());
            String key = keys.isEmpty() ? "asn" : keys.get(random.nextInt(keys.size()));
            switch (random.nextInt(5)) {
                case 0 -> props.remove(key);
                case 1 -> props.put(key, VALUES[random.nextInt(VALUES.length)]);
                case 2 -> {
                    Object value = props.remove(key);
                    props.put(renamed(key), value == null ? "1" : value);
                }
                case 3 -> props.put(randomKey(), VALUES[random.nextInt(VALUES.length)]);
                default -> props.put(key + "." + SEGMENTS[random.nextInt(SEGMENTS.length)], "1");
            }
        }
        return props;
    }

    private String renamed(String key) {
        String[] parts = key.split("\\.", -1);
        parts[random.nextInt(parts.length)] = SEGMENTS[random.nextInt(SEGMENTS.length)];
        return String.join(".", parts);
    }

    private String randomKey() {
        int depth = 1 + random.nextInt(4);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            parts.add(SEGMENTS[random.nextInt(SEGMENTS.length)]);
        }
        return String.join(".", parts);
    }
}
