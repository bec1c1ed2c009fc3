package org.openpe.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openpe.core.validation.TestConfigs.props;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openpe.api.model.Cidr;
import org.openpe.api.model.FrrSettings;
import org.openpe.core.config.ConfigSource;
import org.openpe.core.metrics.MetricsSettings;

class NodeRulesTest {

    private final Map<String, List<Cidr>> interfaces = Map.of(
            "eth0", List.of(Cidr.parse("fe80::1/64"), Cidr.parse("2001:db8::7/64"), Cidr.parse("192.168.1.23/24")),
            "eth1", List.of(Cidr.parse("2001:db8:1::1:5/64")),
            "lo2", List.of(Cidr.parse("fe80::2/64")));
    private final NodeRules rules = new NodeRules(name -> Optional.ofNullable(interfaces.get(name)));
    private static final Optional<ConfigSource> SOURCE = Optional.of(new ConfigSource("org.openpe.node", Optional.empty()));

    private NodeState evaluate(Object... keyValues) {
        return rules.evaluate(SOURCE, props(keyValues));
    }

    @Test
    void explicitIndexAndDefaults() {
        NodeState s = evaluate("nodeIndex", "3");
        assertEquals(OptionalInt.of(3), s.nodeIndex());
        assertEquals(List.of(), s.problems());
        assertEquals("perouter", s.settings().routerNamespace());
        assertEquals(FrrSettings.defaults("perouter"), s.settings().frr());
        assertEquals("informational", s.settings().logLevel());
    }

    @Test
    void pathspaceDefaultsToTheRouterNamespace() {
        NodeState s = evaluate("nodeIndex", 0L, "routerNamespace", "pe2", "frr.supervise", "false",
                "frr.vtysh", "/opt/frr/vtysh", "logLevel", "debugging");
        assertEquals("pe2", s.settings().frr().pathspace());
        assertEquals(false, s.settings().frr().supervise());
        assertEquals("/opt/frr/vtysh", s.settings().frr().vtysh());
        assertEquals("/usr/lib/frr/frr-reload.py", s.settings().frr().reloadScript());
        assertEquals("debugging", s.settings().logLevel());
    }

    @Test
    void indexFromTheInterfacePrefersIpv4() {
        assertEquals(OptionalInt.of(23), evaluate("nodeIndexInterface", "eth0").nodeIndex());
        assertEquals(OptionalInt.of(279), evaluate("nodeIndexInterface", "eth0", "nodeIndexCidr", "192.168.0.0/16").nodeIndex());
        assertEquals(OptionalInt.of(0x10005), evaluate("nodeIndexInterface", "eth1").nodeIndex());
    }

    @Test
    void indexFromTheInterfaceFailures() {
        assertEquals(List.of("node settings: 'nodeIndexInterface' = 'eth9': there is no such interface"),
                evaluate("nodeIndexInterface", "eth9").problems());
        assertEquals(List.of("node settings: 'nodeIndexCidr' = '10.0.0.0/8' does not contain 192.168.1.23,"
                + " the address of 'eth0'"), evaluate("nodeIndexInterface", "eth0", "nodeIndexCidr", "10.0.0.0/8").problems());
        assertEquals(List.of("node settings: 'nodeIndexInterface' = 'lo2' has no IPv4 or global IPv6 address"),
                evaluate("nodeIndexInterface", "lo2").problems());
        NodeRules wide = new NodeRules(n -> Optional.of(List.of(Cidr.parse("2001:db8::7/64"))));
        assertEquals(List.of("node settings: the host part of 2001:db8::7 in ::/0 is too large for a node index"),
                wide.evaluate(SOURCE, props("nodeIndexInterface", "x", "nodeIndexCidr", "::/0")).problems());
    }

    @Test
    void settingsErrors() {
        assertEquals(List.of("node settings: 'nodeIndex' and 'nodeIndexInterface' are mutually exclusive"),
                evaluate("nodeIndex", "1", "nodeIndexInterface", "eth0").problems());
        assertEquals(List.of("node settings: no node index: set 'nodeIndex' or 'nodeIndexInterface'"),
                evaluate().problems());
        assertEquals(List.of("node settings: 'nodeIndex' = -1 is out of range 0..2147483647"),
                evaluate("nodeIndex", "-1").problems());
        assertEquals(List.of("node settings: 'nodeIndexCidr' is only used with 'nodeIndexInterface'"),
                evaluate("nodeIndex", "1", "nodeIndexCidr", "10.0.0.0/8").problems());
        assertEquals(List.of("node settings: 'frr.binaryDir' = 'usr/lib' is not an absolute path"),
                evaluate("nodeIndex", "1", "frr.binaryDir", "usr/lib").problems());
        assertEquals(List.of("node settings: 'routerNamespace' = 'a/b' is not a valid namespace name (letters, digits,"
                + " '.', '_' and '-', at most 63 characters)"), evaluate("nodeIndex", "1", "routerNamespace", "a/b").problems());
        assertEquals(List.of("node settings: key 'nodeindex' is not a known field (known here: frr, logLevel, metricsPort,"
                + " metricsTextfile, nodeIndex, nodeIndexCidr, nodeIndexInterface, routerNamespace)"), evaluate("nodeindex", "1").problems());
        assertEquals(1, evaluate("nodeIndex", "1", "logLevel", "verbose").problems().size());
    }

    @Test
    void invalidSettingsFallBackToDefaultsWithoutIndex() {
        NodeState s = evaluate("nodeIndex", "1", "routerNamespace", "a/b");
        assertEquals(OptionalInt.empty(), s.nodeIndex());
        assertEquals("perouter", s.settings().routerNamespace());
    }

    @Test
    void noConfigurationAtAll() {
        NodeState s = rules.evaluate(Optional.empty(), Map.of());
        assertEquals(List.of("node settings: no node index: set 'nodeIndex' or 'nodeIndexInterface' in"
                + " etc/org.openpe.node.cfg"), s.problems());
    }

    @Test
    void metricsAreOffUnlessConfigured() {
        assertEquals(MetricsSettings.OFF, evaluate("nodeIndex", "0").metrics());
        assertEquals(MetricsSettings.OFF, evaluate("nodeIndex", "0", "metricsPort", "0").metrics());
        assertEquals(new MetricsSettings(9464, Optional.of(Path.of("/var/lib/node-exporter/openpe.prom"))),
                evaluate("nodeIndex", "0", "metricsPort", "9464", "metricsTextfile", "/var/lib/node-exporter/openpe.prom")
                        .metrics());
    }

    @Test
    void metricsErrorsNameTheKeyAndValue() {
        assertEquals(List.of("node settings: 'metricsPort' = 65536 is out of range 0..65535"),
                evaluate("nodeIndex", "0", "metricsPort", "65536").problems());
        assertEquals(List.of("node settings: 'metricsPort' = 'http' is not an integer (or is too large)"),
                evaluate("nodeIndex", "0", "metricsPort", "http").problems());
        assertEquals(List.of("node settings: 'metricsTextfile' = 'openpe.prom' is not an absolute path"),
                evaluate("nodeIndex", "0", "metricsTextfile", "openpe.prom").problems());
        assertEquals(List.of("node settings: 'metricsTextfile' = '/tmp/openpe.txt' does not end with .prom"
                + " (node_exporter reads only *.prom files)"),
                evaluate("nodeIndex", "0", "metricsTextfile", "/tmp/openpe.txt").problems());
        assertEquals(MetricsSettings.OFF, evaluate("nodeIndex", "0", "metricsPort", "9464", "logLevel", "chatty")
                .metrics());
    }
}
