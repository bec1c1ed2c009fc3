package org.openpe.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.openpe.core.engine.kernel.IpCommand.ip;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpe.api.kernel.Netns;
import org.openpe.core.engine.kernel.InMemoryKernel;
import org.openpe.core.engine.kernel.Kernel;
import org.openpe.core.engine.kernel.KernelChange;
import org.openpe.core.engine.kernel.KernelView;
import org.openpe.core.engine.kernel.NetlinkKernel;
import org.openpe.core.engine.kernel.NicRoute;
import org.openpe.testsupport.ShutdownCleanup;

/**
 * The NIC handover against the real kernel, in throw-away namespaces: interrupted after the state
 * is written and after the move, then completed by a new handover (a restart), and handed back with
 * the host's addresses and routes.
 */
@Tag("kernel")
class NicHandoverKernelTest {

    /** As netlink reports them. */
    private static final List<String> ADDRESSES = List.of("192.168.11.3/24", "2001:db8:11:0:0:0:0:3/64");

    private final String id = UUID.randomUUID().toString().substring(0, 6);
    private final String hostNs = "opk-" + id + "-h";
    private final String routerNs = "opk-" + id + "-r";
    @TempDir
    Path dir;
    private NetlinkKernel kernel;
    private final List<String> changes = new ArrayList<>();

    @BeforeEach
    void namespaces() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "kernel tests need root; skipped");
        ShutdownCleanup.register(hostNs, () -> ip("netns", "delete", hostNs));
        ip("netns", "add", hostNs);
        ShutdownCleanup.register(routerNs, () -> ip("netns", "delete", routerNs)); // NetlinkKernel creates it
        kernel = NetlinkKernel.open(Optional.of(hostNs), routerNs);
        ip("-n", hostNs, "link", "add", "toswitch", "type", "veth", "peer", "name", "toswitch-p");
        ip("-n", hostNs, "link", "set", "toswitch", "up");
        ip("-n", hostNs, "link", "set", "toswitch-p", "up");
        ip("-n", hostNs, "addr", "add", "192.168.11.3/24", "dev", "toswitch");
        ip("-n", hostNs, "addr", "add", "2001:db8:11::3/64", "dev", "toswitch", "nodad");
        ip("-n", hostNs, "route", "add", "10.20.0.0/16", "via", "192.168.11.254", "dev", "toswitch", "proto", "static");
        ip("-n", hostNs, "route", "add", "default", "via", "192.168.11.1", "dev", "toswitch", "metric", "100");
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (kernel != null) {
            kernel.close();
            ip("netns", "delete", hostNs);
            ip("netns", "delete", routerNs);
            ShutdownCleanup.forget(hostNs);
            ShutdownCleanup.forget(routerNs);
        }
    }

    @Test
    void aMoveInterruptedAfterTheMoveIsCompletedAfterARestartAndTheHandBackRestoresAddressesAndRoutes() throws Exception {
        List<NicRoute> routesBefore = kernel.hostRoutes("toswitch");
        assertEquals(2, routesBefore.size(), routesBefore::toString);
        Kernel dying = crashingBefore("restore");
        assertThrows(InMemoryKernel.Crash.class,
                () -> Handovers.reconcile(new NicHandover(state()), dying, List.of("toswitch"), changes));
        assertEquals(Optional.of(Netns.ROUTER), kernel.locate("toswitch"));
        assertEquals(List.of(), kernel.addresses(Netns.ROUTER, "toswitch"), "the kernel dropped the addresses");

        Handovers.reconcile(new NicHandover(state()), kernel, List.of("toswitch"), changes);
        assertEquals(ADDRESSES, kernel.addresses(Netns.ROUTER, "toswitch"));
        assertTrue(ip("-n", routerNs, "link", "show", "toswitch").contains("UP"));

        Handovers.reconcile(new NicHandover(state()), kernel, List.of(), changes);
        assertEquals(ADDRESSES, kernel.addresses(Netns.HOST, "toswitch"));
        String routes = ip("-n", hostNs, "route", "show");
        assertTrue(routes.contains("default via 192.168.11.1 dev toswitch metric 100")
                && routes.contains("10.20.0.0/16 via 192.168.11.254 dev toswitch proto static"), routes);
        assertEquals(List.of(), state().load().nics());
    }

    @Test
    void twoTorsBothNicsMoveAndTheOneRemovedFromNicsComesBackWithItsAddressWhileTheOtherStays() throws Exception {
        ip("-n", hostNs, "link", "add", "tor2", "type", "veth", "peer", "name", "tor2-p");
        ip("-n", hostNs, "link", "set", "tor2", "up");
        ip("-n", hostNs, "addr", "add", "192.168.12.3/24", "dev", "tor2");

        Handovers.reconcile(new NicHandover(state()), kernel, List.of("toswitch", "tor2"), changes);
        assertEquals(Optional.of(Netns.ROUTER), kernel.locate("toswitch"));
        assertEquals(List.of("192.168.12.3/24"), kernel.addresses(Netns.ROUTER, "tor2"));
        int toswitchIndex = Integer.parseInt(ip("-n", routerNs, "-o", "link", "show", "toswitch").split(":")[0]);

        Handovers.reconcile(new NicHandover(state()), kernel, List.of("toswitch"), changes);

        assertEquals(Optional.of(Netns.HOST), kernel.locate("tor2"));
        assertEquals(List.of("192.168.12.3/24"), kernel.addresses(Netns.HOST, "tor2"));
        assertEquals(ADDRESSES, kernel.addresses(Netns.ROUTER, "toswitch"), "the other ToR's NIC is untouched");
        assertEquals(toswitchIndex, Integer.parseInt(ip("-n", routerNs, "-o", "link", "show", "toswitch").split(":")[0]));
        assertEquals(List.of("toswitch"), state().load().nics().stream().map(MovedNic::nic).toList());
    }

    @Test
    void aMoveInterruptedAfterTheStateIsWrittenLeavesTheNicInTheHostWhenTheUnderlayNoLongerNamesIt() throws Exception {
        Kernel dying = crashingBefore("move");
        assertThrows(InMemoryKernel.Crash.class,
                () -> Handovers.reconcile(new NicHandover(state()), dying, List.of("toswitch"), changes));

        Handovers.reconcile(new NicHandover(state()), kernel, List.of(), changes);

        assertEquals(Optional.of(Netns.HOST), kernel.locate("toswitch"));
        assertEquals(ADDRESSES, kernel.addresses(Netns.HOST, "toswitch"));
        assertTrue(ip("-n", hostNs, "route", "show").contains("default via 192.168.11.1"));
        assertEquals(List.of(), state().load().nics(), "the record is gone");
    }

    /**
     * The real kernel, dying before the first NIC move ({@code step} "move") or right after it,
     * before the addresses are restored ("restore").
     */
    private Kernel crashingBefore(String step) {
        return new Kernel() {
            @Override
            public String routerNamespace() {
                return kernel.routerNamespace();
            }

            @Override
            public Optional<Netns> locate(String device) {
                return kernel.locate(device);
            }

            @Override
            public List<String> addresses(Netns netns, String device) {
                return kernel.addresses(netns, device);
            }

            @Override
            public List<NicRoute> hostRoutes(String device) {
                return kernel.hostRoutes(device);
            }

            @Override
            public Optional<String> keepRouterNamespaceNamed() {
                return kernel.keepRouterNamespaceNamed();
            }

            @Override
            public KernelView read(Netns netns, Collection<String> sysctlNames) {
                return kernel.read(netns, sysctlNames);
            }

            @Override
            public Map<String, String> sysctls(Netns netns, Collection<String> names) {
                return kernel.sysctls(netns, names);
            }

            @Override
            public OptionalInt mtu(String device) {
                return kernel.mtu(device);
            }

            @Override
            public void apply(KernelChange change) {
                if (change instanceof KernelChange.MoveLink move) {
                    if (step.equals("move")) {
                        throw new InMemoryKernel.Crash(step);
                    }
                    kernel.apply(new KernelChange.MoveLink(move.name(), move.from(), move.to(), List.of(), "only the move"));
                    throw new InMemoryKernel.Crash(step);
                }
                kernel.apply(change);
            }

            @Override
            public void close() {}
        };
    }

    private NicStateFile state() {
        return new NicStateFile(dir.resolve("moved-nics.json"));
    }
}
