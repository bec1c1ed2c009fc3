package org.openpe.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpe.api.ResourceType;
import org.openpe.core.config.Specs.UnderlaySpec;
import org.openpe.core.definition.TestDefinitions;
import org.openpe.core.validation.TestConfigs;
import org.openpe.l2vni.L2VNI;
import org.openpe.l2vni.L2VniDefinition;
import org.openpe.l3vni.L3VNI;
import org.openpe.l3vni.L3VniDefinition;

class ResourceBinderTest {

    /** Binds onto the spec of the type, as validation does: the core's own for the underlay, else the definition's. */
    private static Object bind(ResourceType type, Map<String, Object> properties) throws BindingException {
        Class<?> spec = type.equals(ResourceType.UNDERLAY) ? UnderlaySpec.class
                : TestDefinitions.ALL.of(type).orElseThrow().specClass();
        return ResourceBinder.bind(spec, properties);
    }

    private static String error(ResourceType type, Object... keyValues) {
        return assertThrows(BindingException.class, () -> bind(type, TestConfigs.props(keyValues)))
                .getMessage();
    }

    private static UnderlaySpec underlay(Object... keyValues) throws BindingException {
        return (UnderlaySpec) bind(ResourceType.UNDERLAY, TestConfigs.props(keyValues));
    }

    @Test
    void stringValuesFromCfgFilesAreConverted() throws Exception {
        UnderlaySpec u = underlay("asn", "4294967295", "neighbors.0.asn", "64512", "neighbors.0.holdTime", "1m30s",
                "neighbors.0.keepaliveTime", "500ms", "neighbors.0.ebgpMultiHop", "true", "neighbors.0.bfd.receiveInterval", "300");
        assertEquals(4294967295L, u.asn());
        assertEquals(Duration.ofSeconds(90), u.neighbors().get(0).holdTime());
        assertEquals(Duration.ofMillis(500), u.neighbors().get(0).keepaliveTime());
        assertEquals(Boolean.TRUE, u.neighbors().get(0).ebgpMultiHop());
        assertEquals(300L, u.neighbors().get(0).bfd().receiveInterval());
    }

    @Test
    void typedValuesFromCfgJsonOrPropertySetAreAccepted() throws Exception {
        UnderlaySpec u = underlay("asn", 64514L, "neighbors.0.asn", 64512, "neighbors.0.ebgpMultiHop", Boolean.TRUE,
                "nics", new String[] {"toswitch"}, "neighbors.0.port", (short) 179);
        assertEquals(64514L, u.asn());
        assertEquals(64512L, u.neighbors().get(0).asn());
        assertEquals(List.of("toswitch"), u.nics());
        assertEquals(179L, u.neighbors().get(0).port());
        assertEquals(List.of("a", "b"), underlay("nics", List.of("a", "b")).nics());
    }

    @Test
    void stringListsAreCommaSeparatedOrIndexed() throws Exception {
        assertEquals(List.of("a", "b"), underlay("nics", "a, b").nics());
        assertEquals(List.of("a", "b"), underlay("nics.0", "a", "nics.1", "b").nics());
        assertEquals(List.of(), underlay("nics", "").nics());
        assertNull(underlay("asn", "1").nics());
    }

    @Test
    void listIndexesAreZeroBasedAndContiguous() throws Exception {
        UnderlaySpec u = underlay("neighbors.1.asn", "2", "neighbors.0.asn", "1", "neighbors.10.asn", "11",
                "neighbors.2.asn", "3", "neighbors.3.asn", "4", "neighbors.4.asn", "5", "neighbors.5.asn", "6",
                "neighbors.6.asn", "7", "neighbors.7.asn", "8", "neighbors.8.asn", "9", "neighbors.9.asn", "10");
        assertEquals(11, u.neighbors().size());
        assertEquals(11L, u.neighbors().get(10).asn());
        assertEquals("list 'neighbors' has element 1 but no element 0 (indexes start at 0 and have no gaps)",
                error(ResourceType.UNDERLAY, "neighbors.1.asn", "1"));
    }

    @Test
    void unknownKeysAreNamedWithTheirPath() {
        assertEquals("key 'hostsession.asnn' is not a known field (known here: asn, hostasn, hosttype, localcidr)",
                error(L3VNI.TYPE, "vni", "1", "hostsession.asnn", "1"));
        assertEquals("key 'mtu' is not a known field (known here: exportRTs, hostsession, importRTs, rd, vni, vrf, vxlanport)",
                error(L3VNI.TYPE, "mtu", "9000"));
        assertEquals("key 'neighbors.0.bfd.foo' is not a known field (known here: detectMultiplier, echoInterval,"
                + " echoMode, minimumTtl, passiveMode, receiveInterval, transmitInterval)",
                error(ResourceType.UNDERLAY, "neighbors.0.bfd.foo", "1"));
    }

    @Test
    void wrongValueTypesNameKeyAndValue() {
        assertEquals("'neighbors.0.asn' = 'abc' is not an integer (or is too large)",
                error(ResourceType.UNDERLAY, "neighbors.0.asn", "abc"));
        assertEquals("'asn' = '99999999999999999999' is not an integer (or is too large)",
                error(ResourceType.UNDERLAY, "asn", "99999999999999999999"));
        assertEquals("'asn' = '1.5' is not an integer (or is too large)", error(ResourceType.UNDERLAY, "asn", "1.5"));
        assertEquals("'asn' = '1.5' is not an integer (or is too large)", error(ResourceType.UNDERLAY, "asn", 1.5d));
        assertEquals("'neighbors.0.holdTime' = '90' is not a duration (like 90s, 1m30s or 500ms)",
                error(ResourceType.UNDERLAY, "neighbors.0.holdTime", "90"));
        assertEquals("'hostmaster.autocreate' = 'yes' is not a boolean (true or false)",
                error(L2VNI.TYPE, "hostmaster.autocreate", "yes"));
        assertEquals("'evpn' = 'on' is not a group of keys (write its fields as key.<field>)",
                error(ResourceType.UNDERLAY, "evpn", "on"));
        assertEquals("'neighbors' = '1.2.3.4' is not a list (write key.0, key.1, ... or a comma-separated value)",
                error(ResourceType.UNDERLAY, "neighbors", "1.2.3.4"));
        assertEquals("'vrf' = a list of keys is not a single text value", error(L3VNI.TYPE, "vrf.0", "x"));
    }

    @Test
    void typedValuesOfTheWrongTypeAreRejected() {
        assertEquals("'asn' = 'true' is not an integer (or is too large)", error(ResourceType.UNDERLAY, "asn", Boolean.TRUE));
        assertEquals("'hostmaster.autocreate' = '1' is not a boolean (true or false)",
                error(L2VNI.TYPE, "hostmaster.autocreate", 1L));
        assertEquals("'vni' = a list of keys is not an integer (or is too large)",
                error(L2VNI.TYPE, "vni", new Long[] {1L, 2L}));
    }

    @Test
    void emptyValueOfARequiredNumberCountsAsMissing() throws Exception {
        assertNull(underlay("asn", "").asn());
    }

    @Test
    void malformedAndConflictingKeysAreRejected() {
        assertEquals("key 'evpn..vtepcidr' is malformed (empty part between dots)",
                error(ResourceType.UNDERLAY, "evpn..vtepcidr", "x"));
        assertEquals("key 'evpn.vtepcidr' conflicts with key 'evpn'",
                error(ResourceType.UNDERLAY, "evpn", "x", "evpn.vtepcidr", "y"));
        assertEquals("key '0' is not a known field (known here: exportRTs, hostmaster, importRTs, l2gatewayip, l2only, rd, vni, vrf, vxlanport)",
                error(L2VNI.TYPE, "0.vni", "1"));
        assertEquals("keys under 'neighbors' mix list indexes and field names",
                error(ResourceType.UNDERLAY, "neighbors.0.asn", "1", "neighbors.asn", "2"));
    }

    @Test
    void bookkeepingKeysAreNotResourceKeys() throws Exception {
        Map<String, Object> p = TestConfigs.props("vni", "10", "name", "red", "service.pid", "org.openpe.l2vni~red",
                "service.factoryPid", "org.openpe.l2vni", "felix.fileinstall.filename", "file:/etc/x.cfg",
                "component.id", 4L, ":org.apache.felix.configadmin.revision:", 3L);
        assertEquals(10L, ((L2VniDefinition.Spec) bind(L2VNI.TYPE, p)).vni());
        assertEquals(Map.of("vni", "10"), PropertyTree.resourceProperties(p));
    }

    @Test
    void missingFieldsStayNull() throws Exception {
        L3VniDefinition.Spec spec = (L3VniDefinition.Spec) bind(L3VNI.TYPE, TestConfigs.props());
        assertNull(spec.vni());
        assertNull(spec.hostsession());
    }

    @Test
    void valuesAreTrimmed() throws Exception {
        assertEquals(64514L, underlay("asn", " 64514 ").asn());
    }
}
