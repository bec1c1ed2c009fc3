package org.openpe.core.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openpe.api.ResourceType;
import org.openpe.api.frr.FrrConfig;
import org.openpe.core.config.ResourceEntry;
import org.openpe.core.engine.DesiredState;
import org.openpe.core.engine.DesiredStateBuilder;
import org.openpe.core.engine.VrfTables;
import org.openpe.frr.ApplyResult;

/**
 * "Valid" means FRR takes it: random underlays that validation judges valid (passwords of any
 * printable characters and length, timers, BFD, several IPv4 and IPv6 neighbors) are built and
 * applied to a real FRR 8.4 ({@code frr-reload.py --test}, then {@code --reload}) in a throw-away
 * namespace; FRR must accept every one.
 */
class ValidUnderlaysFrrAcceptsTest {

    private static final long SEED = 20261204L;
    private static final int SAMPLES = 8;
    private static final String GRAPH = "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
            + "abcdefghijklmnopqrstuvwxyz{|}~";

    private final Random random = new Random(SEED);

    @Test
    void aSampleOfValidUnderlaysIsAcceptedByFrr() throws Exception {
        Assumptions.assumeTrue(RealFrr.available(), "needs root and Debian's FRR");
        try (RealFrr frr = new RealFrr()) {
            for (int i = 0; i < SAMPLES; i++) {
                Map<String, Object> properties = randomUnderlay();
                FrrConfig config = build(properties);
                ApplyResult result = frr.apply(config);
                assertTrue(result.ok(), "FRR refused a valid underlay " + properties.keySet() + ": " + result.message()
                        + "\n" + frr.displayText(config));
            }
        }
    }

    private Map<String, Object> randomUnderlay() {
        Map<String, Object> p = new LinkedHashMap<>(TestConfigs.props("asn", "64514", "evpn.vtepcidr", "100.65.0.0/24"));
        int neighbors = 1 + random.nextInt(3);
        for (int n = 0; n < neighbors; n++) {
            String prefix = "neighbors." + n + ".";
            p.put(prefix + "asn", String.valueOf(64600 + random.nextInt(100)));
            p.put(prefix + "address", random.nextBoolean() ? "192.168.11." + (2 + n) : "fd00::" + (2 + n));
            p.put(prefix + "password", password());
            if (random.nextBoolean()) {
                p.put(prefix + "holdTime", (3 + random.nextInt(200)) + "s");
                p.put(prefix + "keepaliveTime", "1s");
            }
            if (random.nextBoolean()) {
                p.put(prefix + "connectTime", (1 + random.nextInt(60)) + "s");
            }
            if (random.nextBoolean()) {
                p.put(prefix + "bfd.receiveInterval", String.valueOf(10 + random.nextInt(1000)));
                p.put(prefix + "bfd.detectMultiplier", String.valueOf(2 + random.nextInt(10)));
            }
            if (random.nextBoolean()) {
                p.put(prefix + "ebgpMultiHop", "true");
            }
        }
        return p;
    }

    private String password() {
        int length = random.nextBoolean() ? 80 : 1 + random.nextInt(80);
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < length; i++) {
            password.append(GRAPH.charAt(random.nextInt(GRAPH.length())));
        }
        return password.toString();
    }

    private static FrrConfig build(Map<String, Object> properties) {
        ResourceEntry entry = new TestConfigs.Set().add(ResourceType.UNDERLAY, "fabric", properties).validateAll(0).get(0);
        assertTrue(entry.isValid(), entry.verdict().message());
        DesiredState desired = new DesiredStateBuilder(0, "opv", "informational", type -> Optional.empty(),
                new VrfTables(Map.of())).build(List.of(entry.realised().orElseThrow()));
        assertTrue(desired.failed().isEmpty(), desired.failed()::toString);
        return desired.frr();
    }
}
