package org.openpe.core.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openpe.api.Contribution;
import org.openpe.api.ReconcileException;
import org.openpe.api.Reconciler;
import org.openpe.api.ResourceType;
import org.openpe.api.frr.BgpNeighbor;
import org.openpe.api.frr.BgpRouter;
import org.openpe.api.frr.FrrConfig;
import org.openpe.api.frr.FrrFragment;
import org.openpe.api.frr.GracefulRestart;
import org.openpe.api.frr.VniRouteTargets;
import org.openpe.api.kernel.KernelObject;
import org.openpe.api.model.Resource;
import org.openpe.api.model.Underlay;
import org.openpe.core.config.ResourceKey;
import org.openpe.core.underlay.UnderlayTranslator;

/**
 * Runs every resource in force through the reconciler of its type and merges the contributions.
 * A resource whose contribution cannot be merged (it declares an object differently from another
 * resource, or its FRR part does not fit) is refused whole, so nothing of it is half-applied, and
 * every other resource is unaffected.
 *
 * <p>The FRR configuration is assembled once from all contributions; only when that fails is it
 * assembled again after each one, to find the resources whose part does not fit (assembling after
 * each one always would cost time quadratic in the number of resources).
 */
public final class DesiredStateBuilder {

    private final int nodeIndex;
    private final String routerNamespace;
    private final String logLevel;
    private final Function<ResourceType, Optional<Reconciler>> reconcilers;
    private final VrfTables tables;
    /** Whether every contribution's FRR part is fitted as it is merged, or all of them at the end. */
    private final boolean fitEachContribution;

    private final Map<String, KernelObject> kernel = new LinkedHashMap<>();
    private final Map<String, Set<ResourceKey>> owners = new HashMap<>();
    private final List<FrrFragment> fragments = new ArrayList<>();
    private final Set<ResourceKey> contributed = new HashSet<>();
    private final Map<ResourceKey, String> failed = new LinkedHashMap<>();
    private final Map<ResourceKey, String> unsupported = new LinkedHashMap<>();
    private Function<String, OptionalInt> nicMtu = nic -> OptionalInt.empty();
    private Optional<BgpRouter> defaultRouter = Optional.empty();
    private FrrConfig frr;

    public DesiredStateBuilder(int nodeIndex, String routerNamespace, String logLevel,
            Function<ResourceType, Optional<Reconciler>> reconcilers, VrfTables tables) {
        this(nodeIndex, routerNamespace, logLevel, reconcilers, tables, false);
    }

    private DesiredStateBuilder(int nodeIndex, String routerNamespace, String logLevel,
            Function<ResourceType, Optional<Reconciler>> reconcilers, VrfTables tables, boolean fitEachContribution) {
        this.fitEachContribution = fitEachContribution;
        this.nodeIndex = nodeIndex;
        this.routerNamespace = routerNamespace;
        this.logLevel = logLevel;
        this.reconcilers = reconcilers;
        this.tables = tables;
        this.frr = FrrConfig.empty(routerNamespace, logLevel);
    }

    /** Where the MTU of the underlay's NIC is read (the kernel); none by default. */
    public DesiredStateBuilder withNicMtu(Function<String, OptionalInt> lookup) {
        this.nicMtu = lookup;
        return this;
    }

    /** With two ToRs, the smallest MTU of the NICs: the VXLAN traffic may leave through either. */
    private OptionalInt smallestNicMtu(Underlay underlay) {
        return underlay.nics().stream().map(nicMtu).filter(OptionalInt::isPresent).mapToInt(OptionalInt::getAsInt).min();
    }

    public DesiredState build(List<Resource> resources) {
        DesiredState built = buildOnce(resources);
        if (fitEachContribution) {
            return built;
        }
        try {
            frr = assemble(defaultRouter, fragments);
        } catch (RuntimeException e) {
            return new DesiredStateBuilder(nodeIndex, routerNamespace, logLevel, reconcilers, tables, true)
                    .build(resources);
        }
        return new DesiredState(built.kernel(), owners, frr, contributed, failed, unsupported);
    }

    private DesiredState buildOnce(List<Resource> resources) {
        List<Resource> ordered = resources.stream()
                .sorted(Comparator.comparing((Resource r) -> r.type()).thenComparing(Resource::name)).toList();
        Optional<Underlay> underlay = ordered.stream()
                .filter(Underlay.class::isInstance).map(Underlay.class::cast).findFirst();
        underlay.ifPresent(this::addUnderlay);
        Optional<Underlay> valid = underlay.filter(u -> contributed.contains(key(u)));
        NodeContextImpl node = new NodeContextImpl(nodeIndex, routerNamespace, valid, tables,
                valid.map(this::smallestNicMtu).orElse(OptionalInt.empty()));
        for (Resource resource : ordered) {
            if (!resource.type().equals(ResourceType.UNDERLAY)) {
                addPlugged(resource, node);
            }
        }
        return new DesiredState(List.copyOf(kernel.values()), owners, frr, contributed, failed, unsupported);
    }

    private void addUnderlay(Underlay underlay) {
        try {
            Contribution contribution = UnderlayTranslator.contribution(underlay, nodeIndex);
            BgpRouter router = UnderlayTranslator.defaultRouter(underlay, nodeIndex);
            merge(underlay, contribution, Optional.of(router));
        } catch (ReconcileException e) {
            failed.put(key(underlay), e.getMessage());
        } catch (RuntimeException e) {
            failed.put(key(underlay), "underlay " + underlay.name() + ": cannot be built: " + e.getMessage());
        }
    }

    private void addPlugged(Resource resource, NodeContextImpl node) {
        Optional<Reconciler> reconciler = reconcilers.apply(resource.type());
        if (reconciler.isEmpty()) {
            unsupported.put(key(resource), "no plugin for " + resource.type().id() + " resources is installed"
                    + " (feature:list shows the OpenPE plugin features)");
            return;
        }
        try {
            merge(resource, reconciler.get().contribute(resource, node), defaultRouter);
        } catch (ReconcileException e) {
            failed.put(key(resource), e.getMessage());
        } catch (RuntimeException e) {
            failed.put(key(resource), resource.type().id() + " " + resource.name() + ": the plugin failed: " + e);
        }
    }

    /** Adds a contribution whole, or refuses it whole. */
    private void merge(Resource resource, Contribution contribution, Optional<BgpRouter> base) {
        ResourceKey key = key(resource);
        for (KernelObject object : contribution.kernel()) {
            KernelObject existing = kernel.get(object.key());
            if (existing != null && !existing.equals(object)) {
                failed.put(key, resource.type().id() + " " + resource.name() + " declares " + object.key()
                        + " differently from " + owners.get(object.key()).iterator().next() + ": " + object
                        + " versus " + existing);
                return;
            }
        }
        FrrConfig assembled = frr;
        if (fitEachContribution) {
            try {
                assembled = assemble(base, Stream.concat(fragments.stream(), Stream.of(contribution.frr())).toList());
            } catch (RuntimeException e) {
                failed.put(key, resource.type().id() + " " + resource.name() + ": its FRR configuration does not fit: "
                        + e.getMessage());
                return;
            }
        }
        for (KernelObject object : contribution.kernel()) {
            kernel.putIfAbsent(object.key(), object);
            owners.computeIfAbsent(object.key(), k -> new HashSet<>()).add(key);
        }
        fragments.add(contribution.frr());
        defaultRouter = base;
        frr = assembled;
        contributed.add(key);
    }

    private FrrConfig assemble(Optional<BgpRouter> base, List<FrrFragment> parts) {
        Optional<BgpRouter> router = base.map(b -> {
            List<BgpNeighbor> neighbors = new ArrayList<>(b.neighbors());
            List<String> networks = new ArrayList<>(b.networks());
            List<VniRouteTargets> vnis = new ArrayList<>(b.vniRouteTargets());
            parts.forEach(p -> {
                neighbors.addAll(p.defaultNeighbors());
                networks.addAll(p.defaultNetworks());
                vnis.addAll(p.vniRouteTargets());
            });
            return b.withNeighborsAndNetworks(neighbors, networks).withVniRouteTargets(vnis);
        });
        if (router.isEmpty() && parts.stream().anyMatch(p -> !p.vniRouteTargets().isEmpty())) {
            throw new IllegalArgumentException("its route targets need the default BGP instance, which only a valid underlay provides");
        }
        // graceful restart is the underlay's: every instance has it, so that zebra keeps the VRFs' routes too
        Optional<GracefulRestart> gracefulRestart = router.flatMap(BgpRouter::gracefulRestart);
        if (router.isEmpty() && parts.stream().anyMatch(p -> !p.defaultNeighbors().isEmpty())) {
            throw new IllegalArgumentException("it needs the default BGP instance, which only a valid underlay provides");
        }
        return new FrrConfig(routerNamespace, logLevel,
                parts.stream().flatMap(p -> p.vrfVnis().stream()).distinct().toList(),
                parts.stream().flatMap(p -> p.bfdProfiles().stream()).distinct().toList(),
                router,
                parts.stream().flatMap(p -> p.vrfRouters().stream()).map(r -> r.withGracefulRestart(gracefulRestart)).toList(),
                parts.stream().flatMap(p -> p.rawSnippets().stream()).toList());
    }

    private static ResourceKey key(Resource resource) {
        return new ResourceKey(resource.type(), resource.name());
    }
}
