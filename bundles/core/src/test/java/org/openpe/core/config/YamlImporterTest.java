package org.openpe.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpe.api.ResourceType;
import org.openpe.core.definition.TestDefinitions;
import org.openpe.core.validation.ConfigValidator;
import org.openpe.core.validation.TestConfigs;
import org.openpe.core.validation.Verdict;
import org.openpe.passthrough.L3Passthrough;

class YamlImporterTest {

    static Path seed(String name) {
        return Path.of("src/test/resources/seeds", name);
    }

    @Test
    void importsThePassthroughGuideExample() throws Exception {
        List<ImportedResource> resources = YamlImporter.read(seed("passthrough-basic.yaml"), TestDefinitions.ALL);
        assertEquals(2, resources.size());
        ImportedResource underlay = resources.get(0);
        assertEquals(ResourceType.UNDERLAY, underlay.type());
        assertEquals("underlay", underlay.name());
        assertEquals("org.openpe.underlay-underlay.cfg", underlay.fileName());
        assertEquals(List.of("asn", "nics", "neighbors.0.asn", "neighbors.0.address"),
                List.copyOf(underlay.properties().keySet()));
        assertEquals(Map.of("asn", "64514", "nics", "toswitch", "neighbors.0.asn", "64512",
                "neighbors.0.address", "192.168.11.2"), underlay.properties());
        ImportedResource pt = resources.get(1);
        assertEquals(new ImportedResource(L3Passthrough.TYPE, "passthrough", "passthrough-basic.yaml document 2",
                new LinkedHashMap<>(Map.of("hostsession.asn", "64514", "hostsession.hostasn", "64515",
                        "hostsession.localcidr.ipv4", "192.169.10.0/24"))), pt);
    }

    @ParameterizedTest
    @ValueSource(strings = {"passthrough-basic.yaml", "passthrough-dual.yaml", "evpn-full.yaml", "v030-features.yaml"})
    void seedExamplesValidateCleanly(String file) throws Exception {
        List<Candidate> candidates = YamlImporter.read(seed(file), TestDefinitions.ALL).stream()
                .map(r -> Candidate.of(new ResourceKey(r.type(), r.name()),
                        new ConfigSource(r.origin(), Optional.empty()), Map.copyOf(r.properties())))
                .toList();
        for (int index : new int[] {0, 3, 200}) {
            List<ResourceEntry> entries = ConfigValidator.validate(candidates, TestConfigs.node(index), TestDefinitions.ALL);
            entries.forEach(e -> assertEquals(Verdict.VALID, e.verdict(), e.key() + ": " + e.verdict().message()));
        }
    }

    @Test
    void writtenCfgFilesReadBackToTheSameConfiguration(@TempDir Path etc) throws Exception {
        for (ImportedResource r : YamlImporter.read(seed("evpn-full.yaml"), TestDefinitions.ALL)) {
            CfgFiles.write(etc.resolve(r.fileName()), CfgFiles.render("Imported from " + r.origin(), r.properties()));
        }
        ConfigDirectory dir = ConfigDirectory.read(etc, TestDefinitions.ALL);
        assertEquals(List.of("l2vni blue210", "l2vni red110", "l3passthrough passthrough", "l3vni red", "underlay default"),
                dir.resources().stream().map(c -> c.key().toString()).toList());
        ConfigValidator.validate(dir.resources(), TestConfigs.node(1), TestDefinitions.ALL)
                .forEach(e -> assertEquals(Verdict.VALID, e.verdict(), e.verdict().message()));
        assertEquals("""
                # Imported from evpn-full.yaml document 2
                vni = 100
                vxlanport = 4789
                hostsession.asn = 64514
                hostsession.hostasn = 64515
                hostsession.localcidr.ipv4 = 192.169.10.0/24
                hostsession.localcidr.ipv6 = 2001:db8:10::/64
                """, Files.readString(etc.resolve("org.openpe.l3vni-red.cfg")));
        Map<String, Object> underlay = CfgFiles.read(etc.resolve("org.openpe.underlay-default.cfg"));
        assertEquals("1m30s", underlay.get("neighbors.0.holdTime"));
        assertEquals("2001:db8:11::2", underlay.get("neighbors.1.address"));
    }

    @Test
    void cfgEscapingRoundTrips(@TempDir Path etc) throws Exception {
        Map<String, String> tricky = new LinkedHashMap<>();
        tricky.put("a key:with=odd#chars", " leading space, back\\slash, new\nline, tab\t# not a comment");
        Path file = etc.resolve("x.cfg");
        CfgFiles.write(file, CfgFiles.render("test", tricky));
        assertEquals(Map.copyOf(tricky), CfgFiles.read(file));
        try (Stream<Path> files = Files.list(etc)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void importsTheKeysOfUpstreamV030() throws Exception {
        List<ImportedResource> resources = YamlImporter.read(seed("v030-features.yaml"), TestDefinitions.ALL);
        assertEquals(Map.of("asn", "64514", "nics", "toswitch", "neighbors.0.type", "internal",
                "neighbors.0.address", "192.168.11.2", "evpn.vtepcidr", "100.65.0.0/24",
                "gracefulRestart.restartTimeSeconds", "90"), resources.get(0).properties());
        assertEquals(Map.of("vni", "100", "rd", "10.0.0.1:100", "importRTs", "64512:100,192.0.2.1:100",
                "exportRTs", "64512:100", "hostsession.asn", "64514", "hostsession.hosttype", "external",
                "hostsession.localcidr.ipv4", "192.169.10.0/24"), resources.get(1).properties());
        assertEquals("64512:110", resources.get(2).properties().get("importRTs"));
    }

    @Test
    void listsOfObjectsAreIndexedAndPlainListsCommaSeparated() throws Exception {
        ImportedResource r = YamlImporter.read("x.yaml", new StringReader("""
                apiVersion: openpe.openperouter.github.io/v1alpha1
                kind: Underlay
                metadata: {name: u}
                spec:
                  nics: [a, b]
                  neighbors: [{asn: 1, bfd: {}}, {asn: 2}]
                  evpn: null
                """), TestDefinitions.ALL).get(0);
        assertEquals(Map.of("nics", "a,b", "neighbors.0.asn", "1", "neighbors.1.asn", "2"), r.properties());
    }

    @Test
    void emptyDocumentsAreSkipped() throws Exception {
        assertEquals(1, YamlImporter.read("x.yaml", new StringReader("""
                ---
                ---
                apiVersion: openpe.openperouter.github.io/v1alpha1
                kind: L2VNI
                metadata: {name: a}
                spec: {vni: 5}
                ---
                """), TestDefinitions.ALL).size());
    }

    @Test
    void errorsNameTheFileAndDocument() {
        assertEquals("x.yaml document 1: apiVersion 'v1' is not openpe.openperouter.github.io/v1alpha1",
                error("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n"));
        assertEquals("x.yaml document 2: kind 'VRF' is not one of Underlay, L2VNI, L3Passthrough, L3VNI",
                error("apiVersion: openpe.openperouter.github.io/v1alpha1\nkind: L2VNI\nmetadata: {name: a}\n---\n"
                        + "apiVersion: openpe.openperouter.github.io/v1alpha1\nkind: VRF\nmetadata: {name: b}\n"));
        assertEquals("x.yaml document 1: metadata.name is missing",
                error("apiVersion: openpe.openperouter.github.io/v1alpha1\nkind: L2VNI\nspec: {vni: 1}\n"));
        assertEquals("x.yaml document 1: spec is not a mapping",
                error("apiVersion: openpe.openperouter.github.io/v1alpha1\nkind: L2VNI\nmetadata: {name: a}\nspec: 3\n"));
        assertEquals("x.yaml document 1: is not a Kubernetes object", error("- a\n- b\n"));
        assertEquals(true, error("a: [b\n").startsWith("x.yaml: is not valid YAML"));
    }

    private static String error(String yaml) {
        return assertThrows(ImportException.class, () -> YamlImporter.read("x.yaml", new StringReader(yaml), TestDefinitions.ALL)).getMessage();
    }
}
