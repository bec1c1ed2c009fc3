package org.openpe.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpe.core.validation.TestConfigs.l3vni;
import static org.openpe.core.validation.TestConfigs.props;
import static org.openpe.core.validation.TestConfigs.underlay;
import static org.openpe.core.validation.TestConfigs.with;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpe.api.ResourceType;
import org.openpe.api.definition.ResourceDefinition;
import org.openpe.core.definition.Definitions;
import org.openpe.core.definition.TestDefinitions;
import org.openpe.core.definition.UnboundResource;
import org.openpe.core.validation.Verdict;
import org.openpe.l3vni.L3VNI;

class ConfigTrackerTest {

    private static final String L3VNI_PID = "org.openpe.l3vni";
    private static final String UNDERLAY_PID = "org.openpe.underlay";
    private static final ResourceKey RED = new ResourceKey(L3VNI.TYPE, "red");

    @TempDir
    Path etc;

    private final FakeConfigurationAdmin cm = new FakeConfigurationAdmin();
    private final List<Snapshot> published = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ConfigTracker tracker;

    @BeforeEach
    void nodeAndUnderlay() throws Exception {
        cm.put(null, ConfigTracker.NODE_PID, props("nodeIndex", "2"));
        touch(UNDERLAY_PID, "default");
        cm.putFile(UNDERLAY_PID, "default", etc, underlay());
    }

    private ConfigTracker start() {
        // in a directory the first save creates, like state/ on a first start
        tracker = new ConfigTracker(cm.admin(), TestDefinitions.ALL, name -> Optional.empty(), Files::exists,
                Optional.of(etc.resolve("state/accepted.json")));
        cm.listenWith(tracker);
        tracker.addListener(published::add);
        return tracker;
    }

    /** What the engine does once it applied the current generation of a resource. */
    private void applied(ResourceKey key) {
        tracker.markApplied(Map.of(key, tracker.current().entry(key).orElseThrow().generation()));
    }

    private void touch(String factoryPid, String name) throws Exception {
        Files.writeString(etc.resolve(factoryPid + "-" + name + ".cfg"), "");
    }

    @Test
    void aNodeIndexInterfaceAddressThatComesLateOrChangesIsSeenOnRevalidationAndOneThatGoesKeepsTheIndex() {
        Map<String, List<org.openpe.api.model.Cidr>> addresses = new java.util.HashMap<>();
        addresses.put("mgmt0", List.of());
        cm.put(null, ConfigTracker.NODE_PID, props("nodeIndexInterface", "mgmt0", "nodeIndexCidr", "10.0.0.0/24"));
        tracker = new ConfigTracker(cm.admin(), TestDefinitions.ALL, name -> Optional.ofNullable(addresses.get(name)), Files::exists,
                Optional.of(etc.resolve("accepted.json")));
        tracker.addListener(published::add);
        assertEquals(OptionalInt.empty(), tracker.current().node().nodeIndex());
        assertInstanceOf(Verdict.Blocked.class, tracker.current().entry(new ResourceKey(ResourceType.UNDERLAY, "default"))
                .orElseThrow().verdict());

        tracker.revalidate();
        assertEquals(List.of(), published, "nothing changed, nothing published");

        addresses.put("mgmt0", List.of(org.openpe.api.model.Cidr.parse("10.0.0.7/24")));
        assertEquals(OptionalInt.of(7), tracker.revalidate().node().nodeIndex());
        assertEquals(Verdict.VALID, tracker.current().entry(new ResourceKey(ResourceType.UNDERLAY, "default"))
                .orElseThrow().verdict());

        addresses.put("mgmt0", List.of(org.openpe.api.model.Cidr.parse("10.0.0.9/24")));
        assertEquals(OptionalInt.of(9), tracker.revalidate().node().nodeIndex());

        addresses.remove("mgmt0");
        Snapshot gone = tracker.revalidate();
        assertEquals(OptionalInt.of(9), gone.node().nodeIndex(), "an interface that goes takes nothing down");
        assertEquals(List.of("node settings: 'nodeIndexInterface' = 'mgmt0': there is no such interface"
                + " (rejected: the previous node settings stay in force)"), gone.node().remarks());
        assertEquals(3, published.size(), published::toString);
    }

    @Test
    void versionsInForceThatCannotBeWrittenStayInForceAreNamedAndAreWrittenOnceTheyCanBe() throws Exception {
        Path blocked = etc.resolve("state");
        Files.writeString(blocked, "a file where the state directory should be (as good as a full disk)");
        tracker = new ConfigTracker(cm.admin(), TestDefinitions.ALL, name -> Optional.empty(), Files::exists,
                Optional.of(blocked.resolve("accepted.json")));
        ResourceKey underlay = new ResourceKey(ResourceType.UNDERLAY, "default");

        applied(underlay);

        assertTrue(tracker.persistenceProblem().orElseThrow().startsWith("cannot write " + blocked.resolve("accepted.json")),
                tracker.persistenceProblem()::toString);
        assertEquals(Optional.of(1L), tracker.current().entry(underlay).orElseThrow().applied().map(AppliedVersion::generation));
        Files.delete(blocked);
        tracker.revalidate();
        assertEquals(Optional.empty(), tracker.persistenceProblem());
        assertTrue(Files.readString(blocked.resolve("accepted.json")).contains("underlay/default"));
    }

    @Test
    void aSetOfFilesIsPublishedOnlyOnceConfigAdminHoldsAllOfIt() throws Exception {
        start();
        int before = published.size();
        var whole = tracker.publishAsOne(Map.of("org.openpe.underlay-default.cfg", underlay(),
                "org.openpe.l3vni-red.cfg", l3vni(100, "192.169.10.0/24"),
                "org.openpe.l3vni-blue.cfg", l3vni(200, "192.169.11.0/24")), Instant.now().plusSeconds(60));

        cm.putFile(L3VNI_PID, "red", etc, l3vni(100, "192.169.10.0/24"));
        assertTrue(tracker.current().entry(RED).isEmpty()); // asking reads the pending change at once
        assertEquals(before, published.size(), "half of the set was published");
        assertFalse(whole.isDone());

        cm.putFile(L3VNI_PID, "blue", etc, l3vni(200, "192.169.11.0/24"));
        assertTrue(tracker.current().entry(RED).isPresent());
        assertEquals(before + 1, published.size());
        assertEquals(tracker.current(), whole.getNow(null));
        assertTrue(tracker.current().entry(new ResourceKey(L3VNI.TYPE, "blue")).isPresent());
    }

    @Test
    void aSetThatIsNeverCompletedIsPublishedAtItsDeadline() throws Exception {
        start();
        tracker.publishAsOne(Map.of("org.openpe.underlay-default.cfg", underlay(),
                "org.openpe.l3vni-red.cfg", l3vni(100, "192.169.10.0/24"),
                "org.openpe.l3vni-blue.cfg", l3vni(200, "192.169.11.0/24")), Instant.now().plusMillis(300));

        cm.putFile(L3VNI_PID, "red", etc, l3vni(100, "192.169.10.0/24"));
        assertTrue(tracker.current().entry(RED).isEmpty());

        Instant giveUp = Instant.now().plusSeconds(10);
        while (tracker.current().entry(RED).isEmpty() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(20);
        }
        assertTrue(tracker.current().entry(RED).isPresent(), "not published at the deadline");
    }

    @Test
    void aSetEqualToWhatIsHeldEndsAtOnce() throws Exception {
        start();
        var nothingToWaitFor = tracker.publishAsOne(Map.of("org.openpe.underlay-default.cfg", underlay()),
                Instant.now().plusSeconds(60));
        assertTrue(nothingToWaitFor.isDone());

        cm.putFile(L3VNI_PID, "red", etc, l3vni(100, "192.169.10.0/24"));

        assertTrue(tracker.current().entry(RED).isPresent());
    }

    @Test
    void tracksCreateUpdateAndDelete() {
        start();
        assertEquals(OptionalInt.of(2), tracker.current().node().nodeIndex());

        String pid = cm.putFile(L3VNI_PID, "red", etc, l3vni(100, "192.169.10.0/24"));
        ResourceEntry red = tracker.current().entry(RED).orElseThrow();
        assertEquals(Verdict.VALID, red.verdict());
        assertEquals(100, ((L3VNI) red.realised().orElseThrow()).vni());
        assertEquals(Optional.of(etc.resolve("org.openpe.l3vni-red.cfg").toString()), red.source().file());
        assertEquals(pid, red.source().pid());

        cm.put(L3VNI_PID, pid, with(l3vni(100, "192.169.10.0/24"), "vni", "0"));
        assertEquals("l3vni red: 'vni' = 0 is out of range 1..16777215",
                tracker.current().entry(RED).orElseThrow().verdict().message());

        cm.remove(pid);
        assertTrue(tracker.current().entry(RED).isEmpty());
        assertEquals(List.of(1L, 2L, 3L), published.stream().map(Snapshot::revision).map(r -> r - 1).toList());
    }

    @Test
    void namesComeFromTheNamePropertyTheFileOrTheAliasNeverAGeneratedPid() {
        start();
        cm.put(L3VNI_PID, "org.openpe.l3vni.6f1e2d", with(l3vni(101, "192.169.11.0/24"), "name", "green"));
        cm.put(L3VNI_PID, "org.openpe.l3vni~blue", l3vni(102, "192.169.12.0/24"));
        Map<String, Object> json = new java.util.LinkedHashMap<>(l3vni(103, "192.169.13.0/24"));
        json.put(ResourceNames.FILE_PROPERTY, etc.resolve("org.openpe.l3vni-white.cfg.json").toUri().toString());
        cm.put(L3VNI_PID, "org.openpe.l3vni.77aa", json);
        cm.put(L3VNI_PID, "org.openpe.l3vni.99bb", l3vni(104, "192.169.14.0/24"));

        Snapshot s = tracker.current();
        assertEquals(Verdict.VALID, s.entry(new ResourceKey(L3VNI.TYPE, "green")).orElseThrow().verdict());
        assertEquals(Verdict.VALID, s.entry(new ResourceKey(L3VNI.TYPE, "blue")).orElseThrow().verdict());
        assertEquals(Verdict.VALID, s.entry(new ResourceKey(L3VNI.TYPE, "white")).orElseThrow().verdict());
        ResourceEntry unnamed = s.entry(new ResourceKey(L3VNI.TYPE, "org.openpe.l3vni.99bb")).orElseThrow();
        assertEquals("l3vni org.openpe.l3vni.99bb: has no name: add a 'name' property, or name the file"
                + " etc/org.openpe.l3vni-<name>.cfg", unnamed.verdict().message());
        assertEquals(Optional.empty(), unnamed.realised());
    }

    @Test
    void secondConfigurationWithTheSameNameIsInvalid() {
        start();
        cm.putFile(L3VNI_PID, "red", etc, l3vni(100, "192.169.10.0/24"));
        cm.put(L3VNI_PID, "org.openpe.l3vni.1234", with(l3vni(200, "192.169.20.0/24"), "name", "red"));
        List<ResourceEntry> reds = tracker.current().entries(L3VNI.TYPE);
        assertEquals(Verdict.VALID, reds.get(0).verdict());
        assertEquals("l3vni red: is also defined by " + etc.resolve("org.openpe.l3vni-red.cfg")
                + "; names must be unique per type", reds.get(1).verdict().message());
    }

    @Test
    void immutableFieldChangeIsRejectedAndTheOldVersionStaysInForce() {
        start();
        String pid = cm.putFile(L3VNI_PID, "red", etc, l3vni(100, "192.169.10.0/24"));
        L3VNI original = (L3VNI) tracker.current().entry(RED).orElseThrow().realised().orElseThrow();
        applied(RED);

        cm.put(L3VNI_PID, pid, l3vni(100, "192.169.99.0/24"));
        ResourceEntry changed = tracker.current().entry(RED).orElseThrow();
        assertInstanceOf(Verdict.Invalid.class, changed.verdict());
        assertEquals(Optional.of(original), changed.realised());
        assertEquals(original, tracker.current().realised().get(RED));
        assertTrue(changed.verdict().message().contains("delete l3vni red and create it again"));

        // an unrelated change keeps the rejection and the old version
        cm.putFile(L3VNI_PID, "blue", etc, l3vni(200, "192.169.20.0/24"));
        assertEquals(Optional.of(original), tracker.current().entry(RED).orElseThrow().realised());

        // deleting and recreating it is the way to change the CIDR
        cm.remove(pid);
        cm.putFile(L3VNI_PID, "red", etc, l3vni(100, "192.169.99.0/24"));
        assertEquals(Verdict.VALID, tracker.current().entry(RED).orElseThrow().verdict());
    }

    @Test
    void immutableFieldChangedWhileStoppedIsRejectedAfterTheRestart() throws Exception {
        start();
        String pid = cm.putFile(L3VNI_PID, "red", etc, l3vni(100, "192.169.10.0/24"));
        L3VNI original = (L3VNI) tracker.current().entry(RED).orElseThrow().realised().orElseThrow();
        applied(RED);
        touch(L3VNI_PID, "red");

        cm.listenWith(event -> {});   // stopped: the edit reaches config admin only
        cm.put(L3VNI_PID, pid, with(l3vni(100, "192.169.99.0/24"), "vxlanport", "4790"));
        start();
        ResourceEntry red = tracker.current().entry(RED).orElseThrow();
        assertInstanceOf(Verdict.Invalid.class, red.verdict());
        assertEquals(Optional.of(original), red.realised());

    }

    @Test
    void configurationsWhoseFileWasDeletedWhileStoppedAreDeleted() throws Exception {
        touch(L3VNI_PID, "red");
        String kept = cm.putFile(L3VNI_PID, "red", etc, l3vni(100, "192.169.10.0/24"));
        String stale = cm.putFile(L3VNI_PID, "gone", etc, l3vni(200, "192.169.20.0/24"));
        String shell = cm.put(L3VNI_PID, "org.openpe.l3vni~shell", l3vni(300, "192.169.30.0/24"));
        start();
        assertFalse(cm.exists(stale));
        assertTrue(cm.exists(kept));
        assertTrue(cm.exists(shell), "a configuration without file is not FileInstall's and stays");
        assertEquals(List.of("red", "shell"), tracker.current().entries(L3VNI.TYPE).stream()
                .map(e -> e.key().name()).toList());
    }

    @Test
    void missingNodeSettingsBlockEveryResource() {
        cm.remove(ConfigTracker.NODE_PID);
        start();
        ResourceEntry underlay = tracker.current().entry(new ResourceKey(ResourceType.UNDERLAY, "default")).orElseThrow();
        assertEquals("node settings", assertInstanceOf(Verdict.Blocked.class, underlay.verdict()).dependency());
        cm.put(null, ConfigTracker.NODE_PID, props("nodeIndex", "0"));
        assertEquals(Verdict.VALID, tracker.current().entry(new ResourceKey(ResourceType.UNDERLAY, "default"))
                .orElseThrow().verdict());
    }

    @Test
    void aTypoInTheNodeSettingsKeepsThePreviousOnesInForce() {
        start();
        cm.put(null, ConfigTracker.NODE_PID, props("nodeIndex", "2x"));
        Snapshot s = tracker.current();
        assertEquals(OptionalInt.of(2), s.node().nodeIndex());
        assertTrue(s.node().isValid());
        assertEquals(1, s.node().rejected().size(), s.node().rejected()::toString);
        assertTrue(s.node().rejected().get(0).contains("2x"), s.node().rejected()::toString);
        assertEquals(Verdict.VALID, s.entry(new ResourceKey(ResourceType.UNDERLAY, "default")).orElseThrow().verdict());

        cm.put(null, ConfigTracker.NODE_PID, props("nodeIndex", "3"));
        assertEquals(OptionalInt.of(3), tracker.current().node().nodeIndex());
        assertEquals(List.of(), tracker.current().node().rejected());
    }

    @Test
    void aBadMetricsPortKeepsThePreviousMetricsSettingsInForce() {
        start();
        cm.put(null, ConfigTracker.NODE_PID, props("nodeIndex", "2", "metricsPort", "9464"));
        assertEquals(9464, tracker.current().node().metrics().port());
        cm.put(null, ConfigTracker.NODE_PID, props("nodeIndex", "2", "metricsPort", "94640"));
        assertEquals(9464, tracker.current().node().metrics().port());
        assertTrue(tracker.current().node().rejected().get(0).contains("'metricsPort' = 94640"),
                tracker.current().node()::toString);
    }

    @Test
    void theNodeSettingsInForceSurviveARestart() {
        start();
        cm.listenWith(event -> {});   // stopped: the edit reaches config admin only
        cm.put(null, ConfigTracker.NODE_PID, props("nodeIndex", "2", "logLevel", "chatty"));
        start();
        assertEquals(OptionalInt.of(2), tracker.current().node().nodeIndex());
        assertTrue(tracker.current().node().isValid());
        assertTrue(tracker.current().node().rejected().get(0).contains("chatty"), tracker.current().node()::toString);
    }

    @Test
    void theGenerationCountsChangesOfTheResourceOnly() {
        start();
        String pid = cm.putFile(L3VNI_PID, "red", etc, l3vni(100, "192.169.10.0/24"));
        assertEquals(1, tracker.current().entry(RED).orElseThrow().generation());
        cm.put(L3VNI_PID, pid, l3vni(100, "192.169.10.0/24"));
        cm.putFile(L3VNI_PID, "blue", etc, l3vni(200, "192.169.20.0/24"));
        assertEquals(1, tracker.current().entry(RED).orElseThrow().generation());
        cm.put(L3VNI_PID, pid, with(l3vni(100, "192.169.10.0/24"), "vxlanport", "4790"));
        assertEquals(2, tracker.current().entry(RED).orElseThrow().generation());
    }

    @Test
    void aTypoInTheUnderlayKeepsItsVersionInForceAndEveryDependentApplicable() {
        start();
        ResourceKey underlay = new ResourceKey(ResourceType.UNDERLAY, "default");
        String underlayPid = tracker.current().entry(underlay).orElseThrow().source().pid();
        cm.putFile(L3VNI_PID, "red", etc, l3vni(100, "192.169.10.0/24"));
        applied(underlay);
        applied(RED);
        Object inForce = tracker.current().entry(underlay).orElseThrow().realised().orElseThrow();

        for (Map<String, Object> bad : List.of(with(underlay(), "neighbors.0.asn", "64512x"),
                props("asn", "64514", "nics", "toswitch"), // a half-written file
                with(underlay(), "neighbors.0.password", "two words"))) {
            cm.put(UNDERLAY_PID, underlayPid, bad);
            ResourceEntry typo = tracker.current().entry(underlay).orElseThrow();
            assertInstanceOf(Verdict.Invalid.class, typo.verdict());
            assertTrue(typo.keepsAppliedVersion());
            assertEquals(Optional.of(inForce), typo.realised());
            assertEquals(1, typo.applied().orElseThrow().generation());
            ResourceEntry red = tracker.current().entry(RED).orElseThrow();
            assertEquals(Verdict.VALID, red.verdict(), red.verdict().message());
            assertTrue(red.realised().isPresent());
        }
        assertEquals("underlay default: 'neighbors.0.password' must be 1..80 printable ASCII characters without"
                + " whitespace (its 9 characters are not shown: it is a secret)",
                tracker.current().entry(underlay).orElseThrow().verdict().message());

        cm.put(UNDERLAY_PID, underlayPid, with(underlay(), "neighbors.0.asn", "64513"));
        ResourceEntry fixed = tracker.current().entry(underlay).orElseThrow();
        assertEquals(Verdict.VALID, fixed.verdict());
        assertEquals(5, fixed.generation());
        assertEquals(1, fixed.applied().orElseThrow().generation(), "in force until the engine applied it");
        applied(underlay);
        assertEquals(5, tracker.current().entry(underlay).orElseThrow().applied().orElseThrow().generation());
    }

    @Test
    void theVersionInForceSurvivesARestartInAFileOnlyItsOwnerReads() throws Exception {
        touch(L3VNI_PID, "red");
        start();
        String pid = cm.putFile(L3VNI_PID, "red", etc, l3vni(100, "192.169.10.0/24"));
        tracker.current(); // read before the next change: a burst of changes is one generation
        cm.put(L3VNI_PID, pid, with(l3vni(100, "192.169.10.0/24"), "vxlanport", "4790"));
        applied(RED);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(etc.resolve("state/accepted.json"))));

        cm.listenWith(event -> {});   // stopped: the edit reaches config admin only
        cm.put(L3VNI_PID, pid, with(l3vni(100, "192.169.10.0/24"), "vni", "x"));
        start();
        ResourceEntry red = tracker.current().entry(RED).orElseThrow();
        assertInstanceOf(Verdict.Invalid.class, red.verdict());
        assertEquals(3, red.generation());
        assertEquals(2, red.applied().orElseThrow().generation());
        assertEquals(4790, ((L3VNI) red.realised().orElseThrow()).vxlanPort());

        cm.put(L3VNI_PID, pid, with(l3vni(100, "192.169.10.0/24"), "vxlanport", "4790"));
        assertEquals(4, tracker.current().entry(RED).orElseThrow().generation(), "generations only increase");
    }

    @Test
    void unrelatedConfigurationsAreIgnored() {
        start();
        long revision = tracker.current().revision();
        cm.put(null, "org.apache.karaf.shell", props("sshPort", "8101"));
        cm.put("org.apache.felix.other", "org.apache.felix.other~x", props("a", "b"));
        cm.put("org.openpe.Not-A-Type", "org.openpe.Not-A-Type~x", props("a", "b"));
        assertEquals(revision, tracker.current().revision());
    }

    @Test
    void aResourceOfATypeNoPluginDefinesIsKeptUnboundAndComesBackWithItsVersionInForce() throws Exception {
        List<ResourceDefinition<?, ?>> registered = new java.util.concurrent.CopyOnWriteArrayList<>(
                TestDefinitions.ALL.all());
        tracker = new ConfigTracker(cm.admin(), () -> registered, name -> Optional.empty(), Files::exists,
                Optional.of(etc.resolve("state/accepted.json")));
        cm.listenWith(tracker);
        touch(L3VNI_PID, "red");
        cm.putFile(L3VNI_PID, "red", etc, l3vni(100, "192.169.10.0/24"));
        cm.put("org.openpe.rawthing", "org.openpe.rawthing~x", props("anything", "goes"));
        applied(RED);

        registered.removeIf(d -> d.type().equals(L3VNI.TYPE));
        tracker.definitionsChanged();
        ResourceEntry away = tracker.current().entry(RED).orElseThrow();
        assertEquals(new UnboundResource(L3VNI.TYPE, "red"), away.realised().orElseThrow());
        assertEquals(Optional.of(1L), away.applied().map(AppliedVersion::generation), "its version in force is kept");
        ResourceEntry unknown = tracker.current().entry(new ResourceKey(Definitions.unknown("rawthing"), "x"))
                .orElseThrow();
        assertEquals(Verdict.VALID, unknown.verdict());
        assertInstanceOf(UnboundResource.class, unknown.realised().orElseThrow());

        registered.addAll(TestDefinitions.ALL.of(L3VNI.TYPE).stream().toList());
        tracker.definitionsChanged();
        ResourceEntry back = tracker.current().entry(RED).orElseThrow();
        assertEquals(Verdict.VALID, back.verdict());
        assertEquals(100, ((L3VNI) back.realised().orElseThrow()).vni());
        assertEquals(100, ((L3VNI) back.applied().orElseThrow().resource()).vni(),
                "the version in force is rebuilt with the definition");
    }

    @Test
    void aBurstOfChangesIsReadAndValidatedTogetherWithoutAnyoneAsking() throws Exception {
        start();
        int before = published.size();
        for (int i = 0; i < 200; i++) {
            cm.putFile(L3VNI_PID, "v" + i, etc, l3vni(1000 + i, "192.170." + i + ".0/24"));
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (published.size() == before || published.get(published.size() - 1).entries(L3VNI.TYPE).size() < 200) {
            assertTrue(System.nanoTime() < deadline, "the burst was never published");
            Thread.sleep(20);
        }
        assertTrue(published.size() - before <= 5, (published.size() - before) + " snapshots for one burst of 200 changes");
        assertTrue(published.get(published.size() - 1).entries(L3VNI.TYPE).stream()
                .allMatch(e -> e.verdict() == Verdict.VALID));
    }
}
