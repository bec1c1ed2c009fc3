package org.openpe.core.engine;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.openpe.api.Reconciler;
import org.openpe.api.ResourcePlugin;
import org.openpe.api.ResourceType;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

/**
 * The installed bundles that declare a {@link ResourcePlugin} capability, whatever their state: a
 * plugin whose bundle is stopped, being updated or refreshed is away, not gone. Tells its listener
 * the types of a declaring bundle when that bundle is uninstalled.
 */
final class PluginBundles implements BundleTrackerCustomizer<Set<ResourceType>>, AutoCloseable {

    private static final int INSTALLED_STATES =
            Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING;

    private final BundleTracker<Set<ResourceType>> tracker;
    private final Consumer<Set<ResourceType>> onUninstalled;

    PluginBundles(BundleContext context, Consumer<Set<ResourceType>> onUninstalled) {
        this.onUninstalled = onUninstalled;
        this.tracker = new BundleTracker<>(context, INSTALLED_STATES, this);
        tracker.open();
    }

    /** For each type a plugin bundle is installed for, that bundle as {@code name [id] State}. */
    Map<ResourceType, String> installed() {
        Map<ResourceType, String> installed = new TreeMap<>();
        tracker.getTracked().forEach((bundle, types) -> types.forEach(type -> installed.merge(type, describe(bundle),
                (a, b) -> a + ", " + b)));
        return installed;
    }

    @Override
    public Set<ResourceType> addingBundle(Bundle bundle, BundleEvent event) {
        Set<ResourceType> types = declaredTypes(bundle);
        return types.isEmpty() ? null : types;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Set<ResourceType> types) {
        if (event != null && event.getType() == BundleEvent.UPDATED) {
            Set<ResourceType> now = declaredTypes(bundle);
            types.retainAll(now);
            types.addAll(now);
        }
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Set<ResourceType> types) {
        onUninstalled.accept(Set.copyOf(types));
    }

    @Override
    public void close() {
        tracker.close();
    }

    private static Set<ResourceType> declaredTypes(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        Set<ResourceType> types = EnumSet.noneOf(ResourceType.class);
        if (revision == null) {
            return types;
        }
        revision.getDeclaredCapabilities(ResourcePlugin.NAMESPACE).forEach(capability -> {
            Object type = capability.getAttributes().get(Reconciler.RESOURCE_TYPE);
            if (type != null) {
                ResourceType.byId(type.toString()).ifPresent(types::add);
            }
        });
        return types;
    }

    private static String describe(Bundle bundle) {
        return bundle.getSymbolicName() + " [" + bundle.getBundleId() + "] " + stateName(bundle.getState());
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "Installed";
            case Bundle.RESOLVED -> "Resolved";
            case Bundle.STARTING -> "Starting";
            case Bundle.ACTIVE -> "Active";
            case Bundle.STOPPING -> "Stopping";
            default -> "Uninstalled";
        };
    }
}
