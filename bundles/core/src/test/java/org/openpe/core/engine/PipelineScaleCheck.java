package org.openpe.core.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openpe.api.Contribution;
import org.openpe.api.Reconciler;
import org.openpe.api.ResourceType;
import org.openpe.api.frr.BgpNeighbor;
import org.openpe.api.frr.BgpRouter;
import org.openpe.api.frr.FrrFragment;
import org.openpe.api.frr.VrfVni;
import org.openpe.api.kernel.Address;
import org.openpe.api.kernel.KernelObject;
import org.openpe.api.kernel.Link;
import org.openpe.api.kernel.Netns;
import org.openpe.api.kernel.VniDevices;
import org.openpe.api.model.Resource;
import org.openpe.core.config.Candidate;
import org.openpe.core.config.ResourceEntry;
import org.openpe.core.definition.TestDefinitions;
import org.openpe.core.engine.kernel.KernelDiff;
import org.openpe.core.engine.kernel.KernelView;
import org.openpe.core.engine.kernel.ObservedLink;
import org.openpe.core.engine.kernel.Ownership;
import org.openpe.core.validation.ConfigValidator;
import org.openpe.core.validation.TestConfigs;
import org.openpe.l3vni.L3VNI;

/**
 * A quick in-JVM check (not a test, not in CI) that the pure pipeline grows linearly: validation
 * of N L3VNIs, desired state (with an L3VNI-shaped reconciler), kernel diff from nothing and with
 * all present. Run from bundles/core after {@code mvn test-compile}:
 * {@code java -cp target/test-classes:target/classes:<test class path> org.openpe.core.engine.PipelineScaleCheck}.
 */
public final class PipelineScaleCheck {

    private PipelineScaleCheck() {}

    public static void main(String[] args) {
        for (int round = 0; round < 3; round++) {
            for (int n : new int[] {100, 1000, 4000}) {
                run(n);
            }
        }
    }

    private static void run(int n) {
        long t0 = System.nanoTime();
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(TestConfigs.candidate(ResourceType.UNDERLAY, "default", TestConfigs.underlay()));
        for (int i = 0; i < n; i++) {
            candidates.add(TestConfigs.candidate(L3VNI.TYPE, "v" + i,
                    TestConfigs.l3vni(1000 + i, "10." + (i / 256) + "." + (i % 256) + ".0/24")));
        }
        List<ResourceEntry> entries = ConfigValidator.validate(candidates, TestConfigs.node(2), TestDefinitions.ALL);
        long t1 = System.nanoTime();
        List<Resource> resources = entries.stream().filter(e -> e.key().type() == L3VNI.TYPE)
                .map(e -> e.realised().orElseThrow()).toList();
        DesiredState desired = new DesiredStateBuilder(2, "perouter", "informational",
                t -> t == L3VNI.TYPE ? Optional.of(l3vniShaped()) : Optional.empty(), new VrfTables(Map.of()))
                .build(resources);
        long t2 = System.nanoTime();
        Map<Netns, KernelView> empty = new EnumMap<>(Netns.class);
        Map<Netns, List<ObservedLink>> links = new EnumMap<>(Netns.class);
        Map<Netns, List<Address>> addresses = new EnumMap<>(Netns.class);
        for (Netns ns : Netns.values()) {
            empty.put(ns, KernelView.empty(ns));
            links.put(ns, new ArrayList<>());
            addresses.put(ns, new ArrayList<>());
        }
        int created = KernelDiff.plan(desired.kernel(), empty).changes().size();
        long t3 = System.nanoTime();
        int index = 1;
        for (KernelObject o : desired.kernel()) {
            if (o instanceof Link l) {
                links.get(l.netns()).add(new ObservedLink(l, index++, Ownership.LINK_GROUP));
            } else if (o instanceof Address a) {
                addresses.get(a.netns()).add(a);
            }
        }
        Map<Netns, KernelView> full = new EnumMap<>(Netns.class);
        for (Netns ns : Netns.values()) {
            full.put(ns, new KernelView(ns, links.get(ns), addresses.get(ns), List.of(), Map.of()));
        }
        KernelDiff.plan(desired.kernel(), full);
        long t4 = System.nanoTime();
        System.out.printf("n=%d validate=%d ms desired=%d ms diff-from-nothing=%d ms (%d changes) diff-all-present=%d ms%n",
                n, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, created, (t4 - t3) / 1_000_000);
    }

    /** What the L3VNI plugin contributes, in shape: VRF, bridge, VXLAN, veth legs, an address, a VRF BGP instance. */
    private static Reconciler l3vniShaped() {
        return (r, node) -> {
            L3VNI v = (L3VNI) r;
            String vrf = v.effectiveVrf();
            List<KernelObject> kernel = new ArrayList<>(VniDevices.vrf(vrf, node.vrfTable(vrf)));
            kernel.add(VniDevices.bridge(v.vni()).withMaster(vrf));
            try {
                kernel.add(VniDevices.vxlan(v.vni(), 4789, InetAddress.getByName("100.65.0.2")));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
            kernel.add(VniDevices.routerLeg(v.vni()).withMaster(vrf));
            kernel.add(VniDevices.hostLeg(v.vni()));
            kernel.add(new Address(Netns.ROUTER, VniDevices.routerLegName(v.vni()), "10.9.9.1/24"));
            BgpRouter router = BgpRouter.vrfInstance(64514, vrf, "1.1.1.1", List.of(BgpNeighbor.of("10.9.9.2", 64515)),
                    List.of());
            return new Contribution(kernel, new FrrFragment(List.of(new VrfVni(vrf, v.vni())), List.of(), List.of(),
                    List.of(), List.of(router)));
        };
    }
}
