package org.openpe.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpe.api.ResourceType;
import org.openpe.core.config.Snapshot;
import org.openpe.core.definition.TestDefinitions;
import org.openpe.core.engine.EngineCounters;
import org.openpe.core.status.InMemoryStatusBoard;
import org.openpe.core.validation.ConfigValidator;
import org.openpe.core.validation.TestConfigs;

class OpenpeCollectorTest {

    private final FakeFrr frr = new FakeFrr();

    private String scrape() {
        Snapshot snapshot = new Snapshot(1, TestConfigs.node(0), ConfigValidator.validate(List.of(
                TestConfigs.candidate(ResourceType.UNDERLAY, "fabric", TestConfigs.underlay())), TestConfigs.node(0), TestDefinitions.ALL));
        PrometheusRegistry registry = new PrometheusRegistry();
        try (FrrObserver observer = new FrrObserver(() -> Optional.of(frr.instance()), Duration.ZERO, Duration.ofSeconds(5))) {
            registry.register(new OpenpeCollector(new EngineCounters(), () -> snapshot, TestDefinitions.ALL::types,
                    new InMemoryStatusBoard(), observer));
            return new String(new MetricsText(registry).scrape(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void sessionsPerPeerAndVrf() {
        String text = scrape();
        assertTrue(text.contains("openpe_bgp_session_up{peer=\"192.168.11.2\",vrf=\"default\"} 1.0"), text);
        assertTrue(text.contains("openpe_bgp_session_up{peer=\"192.169.10.2\",vrf=\"red\"} 0.0"), text);
        assertTrue(text.contains("openpe_bgp_session_state{peer=\"192.169.10.2\",state=\"Active\",vrf=\"red\"} 1.0"), text);
        assertTrue(text.contains("openpe_bgp_session_state{peer=\"192.169.10.2\",state=\"Established\",vrf=\"red\"} 0.0"),
                text);
        assertTrue(text.contains("openpe_bgp_session_uptime_seconds{peer=\"192.168.11.2\",vrf=\"default\"} 75.0"), text);
        assertTrue(text.contains("openpe_bgp_prefixes_received{afi=\"l2VpnEvpn\",peer=\"192.168.11.2\",vrf=\"default\"} 4.0"),
                text);
        assertTrue(text.contains("openpe_bgp_prefixes_sent{afi=\"ipv4Unicast\",peer=\"192.168.11.2\",vrf=\"default\"} 2.0"),
                text);
        assertTrue(text.contains("openpe_frr_up 1.0"), text);
    }

    @Test
    void evpnResourcesAndEngine() {
        String text = scrape();
        assertTrue(text.contains("openpe_evpn_vnis{type=\"L3\"} 1.0"), text);
        assertTrue(text.contains("openpe_evpn_vnis{type=\"L2\"} 0.0"), text);
        assertTrue(text.contains("openpe_evpn_routes{type=\"5\"} 1.0"), text); // two paths, one route
        assertTrue(text.contains("openpe_evpn_routes{type=\"3\"} 1.0"), text);
        assertTrue(text.contains("openpe_evpn_routes{type=\"2\"} 0.0"), text);
        assertTrue(text.contains("openpe_resources{status=\"Pending\",type=\"underlay\"} 1.0"), text);
        assertTrue(text.contains("openpe_resources{status=\"Applied\",type=\"l3vni\"} 0.0"), text);
        assertTrue(text.contains("openpe_reconcile_passes_total 0.0"), text);
        assertTrue(text.contains("openpe_reconcile_duration_seconds_count 0"), text);
        assertTrue(text.contains("openpe_frr_applies_total{outcome=\"failed\"} 0.0"), text);
        assertTrue(text.contains("openpe_drift_repairs_total{kind=\"zebra_address\"} 0.0"), text);
        assertTrue(text.contains("openpe_netlink_errors_total 0.0"), text);
    }

    @Test
    void promtoolAcceptsTheText() throws IOException, InterruptedException {
        Path promtool = Path.of("/usr/bin/promtool");
        assumeTrue(Files.isExecutable(promtool), "promtool (Debian package prometheus) is not installed");
        Path file = Files.createTempFile("openpe-metrics", ".prom");
        try {
            Files.writeString(file, scrape());
            Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectInput(file.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, check.waitFor(), output);
            assertEquals("", output.trim());
        } finally {
            Files.delete(file);
        }
    }
}
