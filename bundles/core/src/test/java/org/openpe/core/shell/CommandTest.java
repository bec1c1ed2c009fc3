package org.openpe.core.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpe.core.validation.TestConfigs.l3vni;
import static org.openpe.core.validation.TestConfigs.underlay;
import static org.openpe.core.validation.TestConfigs.with;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpe.api.ResourceType;
import org.openpe.core.config.Candidate;
import org.openpe.core.config.ConfigSource;
import org.openpe.core.config.ResourceEntry;
import org.openpe.core.config.ResourceKey;
import org.openpe.core.config.ResourceStore;
import org.openpe.core.config.Snapshot;
import org.openpe.core.definition.TestDefinitions;
import org.openpe.core.status.InMemoryStatusBoard;
import org.openpe.core.status.ResourceStatus;
import org.openpe.core.validation.ConfigValidator;
import org.openpe.core.validation.TestConfigs;
import org.openpe.l3vni.L3VNI;
import org.openpe.passthrough.L3Passthrough;

/** Command output as {@code bin/client -b} would show it: what the commands print to System.out. */
class CommandTest {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream original;
    private final InMemoryStatusBoard board = new InMemoryStatusBoard();

    @TempDir
    Path dir;

    @BeforeEach
    void captureOut() {
        original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOut() {
        System.setOut(original);
    }

    private String run(Action command) throws Exception {
        captured.reset();
        assertNull(command.execute(), "commands print, they never return values");
        return captured.toString(StandardCharsets.UTF_8);
    }

    private ResourceStore store(int nodeIndex, Candidate... candidates) {
        List<ResourceEntry> entries = ConfigValidator.validate(List.of(candidates), TestConfigs.node(nodeIndex), TestDefinitions.ALL);
        Snapshot snapshot = new Snapshot(1, TestConfigs.node(nodeIndex), entries);
        return new FixedStore(snapshot);
    }

    private static Candidate file(ResourceType type, String name, java.util.Map<String, Object> properties) {
        return Candidate.of(new ResourceKey(type, name), new ConfigSource(type.factoryPid() + "~" + name,
                Optional.of("/opt/openpe/etc/" + type.factoryPid() + "-" + name + ".cfg")), properties);
    }

    private ResourceStore sample() {
        return store(3,
                file(ResourceType.UNDERLAY, "default", with(underlay(), "neighbors.0.password", "s3cret")),
                file(L3VNI.TYPE, "red", l3vni(100, "192.169.10.0/24")),
                file(L3VNI.TYPE, "bad", with(l3vni(101, "192.169.11.0/24"), "vni", "0")));
    }

    @Test
    void listPrintsATableWithStatusAndReason() throws Exception {
        ListCommand list = new ListCommand();
        list.definitions = TestDefinitions.ALL;
        list.store = sample();
        list.board = board;
        board.set(new ResourceKey(ResourceType.UNDERLAY, "default"), ResourceStatus.applied(1));
        assertEquals("""
                TYPE      NAME     STATUS                  REASON
                underlay  default  Applied (generation 1)
                l3vni     red      Pending
                l3vni     bad      Invalid                 l3vni bad: 'vni' = 0 is out of range 1..16777215
                """, run(list));
        list.type = "l3vni";
        assertEquals(3, run(list).lines().count());
    }

    @Test
    void aRejectedCandidateShowsTheVersionInForceAndWhyTheNewOneIsRejected() throws Exception {
        Candidate applied = file(ResourceType.UNDERLAY, "fabric", underlay());
        var inForce = ConfigValidator.validate(List.of(applied), TestConfigs.node(0), TestDefinitions.ALL).get(0).resource().orElseThrow();
        Candidate typo = new Candidate(applied.key(), applied.source(), with(underlay(), "neighbors.0.asn", "64512x"), 4,
                Optional.of(new org.openpe.core.config.AppliedVersion(3, inForce)), Optional.empty());
        ListCommand list = new ListCommand();
        list.definitions = TestDefinitions.ALL;
        list.store = store(0, typo);
        list.board = board;
        board.set(applied.key(), ResourceStatus.applied(3)); // the engine's status of an older generation
        assertEquals("""
                TYPE      NAME    STATUS                  REASON
                underlay  fabric  Applied (generation 3)  generation 4 rejected: underlay fabric: 'neighbors.0.asn' = \
                '64512x' is not an integer (or is too large)
                """, run(list));

        list.json = true;
        JsonNode row = OpenpeCommand.JSON.readTree(run(list)).get(0);
        assertEquals("Applied", row.get("state").asText());
        assertEquals(4, row.get("generation").asLong());
        assertEquals(3, row.get("appliedGeneration").asLong());
        assertEquals("underlay fabric: 'neighbors.0.asn' = '64512x' is not an integer (or is too large)",
                row.get("rejection").asText());

        ShowCommand show = new ShowCommand();

        show.definitions = TestDefinitions.ALL;
        show.store = list.store;
        show.board = board;
        show.type = "underlay";
        show.name = "fabric";
        String text = run(show);
        assertTrue(text.contains("  status: Applied (generation 3)\n  reason: generation 4 rejected: "), text);
        assertTrue(text.contains("In force (generation 3):\n  asn = 64514"), text);
    }

    @Test
    void aStatusOfAnOlderGenerationIsNeverShownAsTheNewOnesApplied() throws Exception {
        ListCommand list = new ListCommand();
        list.definitions = TestDefinitions.ALL;
        list.store = sample();
        list.board = board;
        list.json = true;
        board.set(new ResourceKey(L3VNI.TYPE, "red"), ResourceStatus.applied(0));
        JsonNode red = OpenpeCommand.JSON.readTree(run(list)).get(1);
        assertEquals("Pending", red.get("state").asText());
        assertEquals(1, red.get("generation").asLong());
        assertTrue(red.path("appliedGeneration").isMissingNode());
    }

    @Test
    void listJson() throws Exception {
        ListCommand list = new ListCommand();
        list.definitions = TestDefinitions.ALL;
        list.store = sample();
        list.board = board;
        list.json = true;
        JsonNode rows = OpenpeCommand.JSON.readTree(run(list));
        assertEquals(3, rows.size());
        assertEquals("bad", rows.get(2).get("name").asText());
        assertEquals("Invalid", rows.get(2).get("state").asText());
        assertEquals("/opt/openpe/etc/org.openpe.l3vni-bad.cfg", rows.get(2).get("source").asText());
        assertTrue(rows.get(2).get("reason").asText().contains("'vni' = 0"));
    }

    @Test
    void optionsMayFollowTheArguments() throws Exception {
        ListCommand list = new ListCommand();
        list.definitions = TestDefinitions.ALL;
        list.store = sample();
        list.board = board;
        list.type = "l3vni";
        list.trailing = List.of("--json");
        assertEquals(2, OpenpeCommand.JSON.readTree(run(list)).size());
        list.trailing = List.of("--jsn");
        assertEquals("unexpected argument '--jsn'", assertThrows(IllegalArgumentException.class, list::execute).getMessage());

        ImportCommand importer = new ImportCommand();

        importer.definitions = TestDefinitions.ALL;
        importer.file = "src/test/resources/seeds/passthrough-basic.yaml";
        importer.trailing = List.of("--dir", dir.toString(), "--json");
        assertEquals(2, OpenpeCommand.JSON.readTree(run(importer)).size());
        ImportCommand again = new ImportCommand();
        again.definitions = TestDefinitions.ALL;
        again.file = importer.file;
        again.trailing = List.of("--dir", dir.toString(), "--force");
        assertTrue(run(again).startsWith("wrote "));
    }

    @Test
    void listRejectsUnknownTypes() {
        ListCommand list = new ListCommand();
        list.definitions = TestDefinitions.ALL;
        list.store = sample();
        list.board = board;
        list.type = "vrf";
        assertEquals("unknown resource type 'vrf': use underlay, l2vni, l3passthrough, l3vni",
                assertThrows(IllegalArgumentException.class, list::execute).getMessage());
    }

    @Test
    void showPrintsEffectiveValuesAndThisNodesAddresses() throws Exception {
        ShowCommand show = new ShowCommand();
        show.definitions = TestDefinitions.ALL;
        show.store = sample();
        show.board = board;
        show.type = "l3vni";
        show.name = "red";
        assertEquals("""
                l3vni red (/opt/openpe/etc/org.openpe.l3vni-red.cfg)
                  status: Pending
                Effective configuration:
                  vrf = red
                  vni = 100
                  vxlanport = 4789
                  hostsession.asn = 64514
                  hostsession.hostasn = 64515
                  hostsession.localcidr.ipv4 = 192.169.10.0/24
                  rd = auto
                  importRTs = auto
                  exportRTs = auto
                Allocated on this node:
                  nodeIndex = 3
                  routerId = 10.0.0.4
                  ipv4.routerSide = 192.169.10.1/24
                  ipv4.hostSide = 192.169.10.5/24
                """, run(show));
    }

    @Test
    void showNeverPrintsPasswords() throws Exception {
        ShowCommand show = new ShowCommand();
        show.definitions = TestDefinitions.ALL;
        show.store = sample();
        show.board = board;
        show.type = "underlay";
        show.name = "default";
        String text = run(show);
        assertTrue(text.contains("neighbors.0.password = ****"), text);
        assertTrue(text.contains("  nics = toswitch\n"), text);
        assertTrue(text.contains("vtepAddress = 100.65.0.3/32"), text);
        assertFalse(text.contains("s3cret"), text);
        show.json = true;
        String json = run(show);
        assertFalse(json.contains("s3cret"), json);
        assertEquals("10.0.0.4", OpenpeCommand.JSON.readTree(json).at("/allocation/routerId").asText());
    }

    @Test
    void showOfAnInvalidResourcePrintsItsProperties() throws Exception {
        ShowCommand show = new ShowCommand();
        show.definitions = TestDefinitions.ALL;
        show.store = sample();
        show.board = board;
        show.type = "l3vni";
        show.name = "bad";
        String text = run(show);
        assertTrue(text.contains("  status: Invalid\n  reason: l3vni bad: 'vni' = 0 is out of range 1..16777215\n"), text);
        assertTrue(text.contains("Configured properties:\n  hostsession.asn = 64514\n"), text);
        show.name = "nothere";
        assertEquals("there is no l3vni named 'nothere'",
                assertThrows(IllegalArgumentException.class, show::execute).getMessage());
    }

    @Test
    void importWritesCfgFilesAndRefusesToOverwrite() throws Exception {
        ImportCommand importer = new ImportCommand();
        importer.definitions = TestDefinitions.ALL;
        importer.file = "src/test/resources/seeds/passthrough-basic.yaml";
        importer.dir = dir.toString();
        assertEquals("wrote " + dir.resolve("org.openpe.underlay-underlay.cfg") + " (Underlay underlay, 4 keys)\n"
                + "wrote " + dir.resolve("org.openpe.l3passthrough-passthrough.cfg") + " (L3Passthrough passthrough, 3 keys)\n",
                run(importer));
        Files.writeString(dir.resolve("org.openpe.underlay-underlay.cfg"), "asn = 1\n");
        assertTrue(assertThrows(IllegalStateException.class, importer::execute).getMessage()
                .startsWith("refusing to overwrite [" + dir.resolve("org.openpe.underlay-underlay.cfg")));
        assertEquals("asn = 1\n", Files.readString(dir.resolve("org.openpe.underlay-underlay.cfg")));
        importer.force = true;
        run(importer);
        assertTrue(Files.readString(dir.resolve("org.openpe.underlay-underlay.cfg")).contains("asn = 64514"));
    }

    @Test
    void importDefaultsToKarafEtc() throws Exception {
        String before = System.getProperty("karaf.etc");
        System.setProperty("karaf.etc", dir.toString());
        try {
            ImportCommand importer = new ImportCommand();
            importer.definitions = TestDefinitions.ALL;
            importer.file = "src/test/resources/seeds/passthrough-dual.yaml";
            run(importer);
            assertTrue(Files.exists(dir.resolve("org.openpe.l3passthrough-passthrough-dual.cfg")));
        } finally {
            if (before == null) {
                System.clearProperty("karaf.etc");
            } else {
                System.setProperty("karaf.etc", before);
            }
        }
    }

    @Test
    void validatePassesOnAValidDirectory() throws Exception {
        Files.copy(Path.of("src/test/resources/seeds/evpn-full.yaml"), dir.resolve("evpn-full.yaml"));
        Files.writeString(dir.resolve("org.openpe.node.cfg"), "nodeIndex = 2\n");
        Files.writeString(dir.resolve("org.apache.karaf.shell.cfg"), "sshPort = 8101\n");
        ValidateCommand validate = new ValidateCommand();
        validate.definitions = TestDefinitions.ALL;
        validate.dir = dir.toString();
        String text = run(validate);
        assertTrue(text.startsWith("Validating 5 resources in " + dir + " (node settings from org.openpe.node.cfg,"
                + " node index 2)\n"), text);
        assertTrue(text.contains("l3vni red: Valid (evpn-full.yaml document 2)\n"), text);
        assertTrue(text.contains("skipped org.apache.karaf.shell.cfg (not an OpenPE configuration)\n"), text);
        assertTrue(text.endsWith("5 valid, 0 blocked, 0 invalid\n"), text);
    }

    @Test
    void validateFailsWhenAnyResourceIsInvalid() throws Exception {
        Files.writeString(dir.resolve("org.openpe.node.cfg"), "nodeIndex = 0\n");
        Files.writeString(dir.resolve("org.openpe.underlay-default.cfg"), "asn = 64514\nneighbors.0.asn = 64512\n"
                + "neighbors.0.address = 192.168.11.2\nevpn.vtepcidr = 100.65.0.0/24\n");
        Files.writeString(dir.resolve("org.openpe.l3vni-red.cfg"), "vni = 100\nhostsession.asnn = 1\n");
        Files.writeString(dir.resolve("org.openpe.l2vni-ok.cfg"), "vni = 110\n");
        ValidateCommand validate = new ValidateCommand();
        validate.definitions = TestDefinitions.ALL;
        validate.dir = dir.toString();
        validate.json = true;
        IllegalStateException e = assertThrows(IllegalStateException.class, validate::execute);
        assertEquals("1 of 3 resources would not be applied: l3vni red is Invalid (l3vni red: key 'hostsession.asnn'"
                + " is not a known field (known here: asn, hostasn, hosttype, localcidr))", e.getMessage());
        JsonNode root = OpenpeCommand.JSON.readTree(captured.toString(StandardCharsets.UTF_8));
        List<String> verdicts = new ArrayList<>();
        root.get("resources").forEach(r -> verdicts.add(r.get("name").asText() + "=" + r.get("verdict").asText()));
        assertEquals(List.of("ok=Valid", "red=Invalid", "default=Valid"), verdicts);
        assertEquals("l3vni red: key 'hostsession.asnn' is not a known field (known here: asn, hostasn, hosttype, localcidr)",
                root.at("/resources/1/reasons/0").asText());
    }

    @Test
    void validateWithoutNodeSettingsFailsNamingTheBlockedResources() throws Exception {
        Files.writeString(dir.resolve("org.openpe.l2vni-ok.cfg"), "vni = 110\n");
        ValidateCommand validate = new ValidateCommand();
        validate.definitions = TestDefinitions.ALL;
        validate.dir = dir.toString();
        IllegalStateException e = assertThrows(IllegalStateException.class, validate::execute);
        assertTrue(e.getMessage().startsWith("1 of 1 resources would not be applied: l2vni ok is Blocked (l2vni ok:"
                + " waiting for valid node settings"), e.getMessage());
        String text = captured.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("l2vni ok: Blocked"), text);
        assertTrue(text.contains("! node settings: no node index"), text);
    }

    @Test
    void validateFailsForAnL3vniWhoseUnderlayHasNoEvpn() throws Exception {
        Files.writeString(dir.resolve("org.openpe.node.cfg"), "nodeIndex = 0\n");
        Files.writeString(dir.resolve("org.openpe.underlay-default.cfg"), "asn = 64514\nneighbors.0.asn = 64512\n"
                + "neighbors.0.address = 192.168.11.2\n");
        Files.writeString(dir.resolve("org.openpe.l3vni-red.cfg"), "vni = 100\n");
        ValidateCommand validate = new ValidateCommand();
        validate.definitions = TestDefinitions.ALL;
        validate.dir = dir.toString();
        IllegalStateException e = assertThrows(IllegalStateException.class, validate::execute);
        assertEquals("1 of 2 resources would not be applied: l3vni red is Blocked (l3vni red: underlay default has no"
                + " evpn (set evpn.vtepcidr); VNIs need EVPN)", e.getMessage());
    }
}
