package org.openpe.core.engine;

import org.openpe.core.definition.TestDefinitions;
import org.openpe.l3vni.L3VNI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpe.api.Reconciler;
import org.openpe.api.ResourceType;
import org.openpe.api.kernel.Netns;
import org.openpe.core.config.ResourceKey;
import org.openpe.core.config.ResourceStore;
import org.openpe.core.config.Snapshot;
import org.openpe.core.engine.kernel.InMemoryKernel;
import org.openpe.core.status.InMemoryStatusBoard;
import org.openpe.core.status.ResourceState;
import org.openpe.core.validation.TestConfigs;
import org.openpe.frr.FrrInstance;
import org.openpe.frr.FrrManager;
import org.openpe.frr.FrrSettings;
import org.openpe.l3vni.L3VniReconciler;

/** The engine outside OSGi, through its plain constructor: a pass feeds the store, the board and the node status. */
class ReconcileEngineTest {

    private static final ResourceKey UNDERLAY = new ResourceKey(ResourceType.UNDERLAY, "default");
    private static final ResourceKey RED = new ResourceKey(L3VNI.TYPE, "red");

    @TempDir
    Path state;
    private final InMemoryKernel kernel = new InMemoryKernel().withHostNic("toswitch", List.of("192.168.11.3/24"), List.of());
    private final InMemoryStatusBoard board = new InMemoryStatusBoard();
    private final StoreOfOneSnapshot store = new StoreOfOneSnapshot(new Snapshot(1, TestConfigs.node(3), new TestConfigs.Set()
            .add(ResourceType.UNDERLAY, "default", TestConfigs.underlay())
            .add(L3VNI.TYPE, "red", TestConfigs.l3vni(100, "192.169.10.0/24"))
            .validateAll(3)));
    private final List<String> kernelsOpened = new CopyOnWriteArrayList<>();
    private ReconcileEngine engine;

    @BeforeEach
    void start() {
        engine = new ReconcileEngine(store, board, new OneFrr(new FakeFrr()), TestDefinitions.ALL, onUninstalled -> new NoPluginBundles(),
                namespace -> {
                    kernelsOpened.add(namespace);
                    return kernel;
                }, new NicStateFile(state.resolve("moved-nics.json")));
    }

    @AfterEach
    void stop() {
        engine.deactivate();
    }

    @Test
    void aPassMarksTheAppliedGenerationsInTheStoreAndPublishesTheNodeStatus() throws Exception {
        engine.bindReconciler(new L3VniReconciler(), Map.of(Reconciler.RESOURCE_TYPE, "l3vni"));

        ReconcileReport report = engine.reconcileNow(Duration.ofSeconds(30));

        assertEquals(Map.of(UNDERLAY, 1L, RED, 1L), report.appliedGenerations());
        assertEquals(Map.of(UNDERLAY, 1L, RED, 1L), store.applied);
        assertEquals(ResourceState.APPLIED, board.status(RED).orElseThrow().state());
        assertEquals(Optional.of(Netns.ROUTER), kernel.locate("toswitch"));
        assertEquals(List.of("perouter"), kernelsOpened, "the kernel of the router namespace is opened once");
        assertEquals("perouter", board.node().routerNamespace());
        assertTrue(board.node().lastReconcile().isPresent());
        assertEquals(Optional.empty(), board.node().lastError());
    }

    private static final class StoreOfOneSnapshot implements ResourceStore {
        private final Snapshot snapshot;
        final Map<ResourceKey, Long> applied = new ConcurrentHashMap<>();

        StoreOfOneSnapshot(Snapshot snapshot) {
            this.snapshot = snapshot;
        }

        @Override
        public Snapshot current() {
            return snapshot;
        }

        @Override
        public Snapshot revalidate() {
            return snapshot;
        }

        @Override
        public void markApplied(Map<ResourceKey, Long> generations) {
            applied.putAll(generations);
        }

        @Override
        public CompletableFuture<Snapshot> publishAsOne(Map<String, Map<String, Object>> resourceFiles, Instant deadline) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void addListener(SnapshotListener listener) {}

        @Override
        public void removeListener(SnapshotListener listener) {}
    }

    private record OneFrr(FrrInstance instance) implements FrrManager {
        @Override
        public FrrInstance instance(FrrSettings settings) {
            return instance;
        }

        @Override
        public Optional<FrrInstance> find(String pathspace) {
            return Optional.of(instance);
        }
    }

    private static final class NoPluginBundles implements InstalledPlugins {
        @Override
        public Map<ResourceType, String> installed() {
            return Map.of();
        }

        @Override
        public void close() {}
    }
}
