package org.openpe.core.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.openpe.api.kernel.Netns;
import org.openpe.core.engine.kernel.NicKernel;
import org.openpe.core.engine.kernel.NicRoute;

/**
 * Two namespaces holding NICs, with the kernel's behaviour on a move (addresses and routes dropped).
 * A hook before each operation can throw, which stands for the runtime dying at that point.
 */
final class FakeNicKernel implements NicKernel {

    final Map<Netns, Map<String, List<String>>> nics = new EnumMap<>(Map.of(Netns.HOST, new HashMap<>(),
            Netns.ROUTER, new HashMap<>()));
    final Map<String, List<NicRoute>> hostRoutes = new HashMap<>();
    final List<String> operations = new ArrayList<>();
    Consumer<String> beforeEach = operation -> {};

    FakeNicKernel withHostNic(String nic, List<String> addresses, List<NicRoute> routes) {
        nics.get(Netns.HOST).put(nic, new ArrayList<>(addresses));
        hostRoutes.put(nic, new ArrayList<>(routes));
        return this;
    }

    @Override
    public String routerNamespace() {
        return "perouter";
    }

    @Override
    public Optional<Netns> locate(String device) {
        return nics.entrySet().stream().filter(e -> e.getValue().containsKey(device)).map(Map.Entry::getKey).findFirst();
    }

    @Override
    public List<String> addresses(Netns netns, String device) {
        return List.copyOf(nics.get(netns).get(device));
    }

    @Override
    public List<NicRoute> hostRoutes(String device) {
        return List.copyOf(hostRoutes.getOrDefault(device, List.of()));
    }

    @Override
    public void move(String device, Netns from, Netns to) {
        step("move " + device + " to " + to);
        nics.get(from).remove(device);
        nics.get(to).put(device, new ArrayList<>());
        hostRoutes.remove(device);
    }

    @Override
    public void restore(Netns netns, String device, List<String> addresses) {
        step("restore " + device + " in " + netns);
        List<String> present = nics.get(netns).get(device);
        addresses.stream().filter(a -> !present.contains(a)).forEach(present::add);
    }

    @Override
    public List<String> restoreHostRoutes(String device, List<NicRoute> routes) {
        step("restore routes of " + device);
        List<NicRoute> present = hostRoutes.computeIfAbsent(device, d -> new ArrayList<>());
        routes.stream().filter(r -> !present.contains(r)).forEach(present::add);
        return List.of();
    }

    private void step(String operation) {
        beforeEach.accept(operation);
        operations.add(operation);
    }

    /** Thrown where the runtime "dies". */
    static final class Crash extends RuntimeException {
        Crash(String at) {
            super("crash before " + at);
        }
    }
}
