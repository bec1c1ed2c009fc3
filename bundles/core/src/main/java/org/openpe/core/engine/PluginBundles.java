package org.openpe.core.engine;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openpe.api.Reconciler;
import org.openpe.api.ResourcePlugin;
import org.openpe.api.ResourceType;
import org.openpe.core.definition.Definitions;
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
final class PluginBundles implements BundleTrackerCustomizer<Bundle>, InstalledPlugins {

    private static final int INSTALLED_STATES =
            Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING;

    private final Map<Bundle, Set<ResourceType>> declared = new ConcurrentHashMap<>();
    private final BundleTracker<Bundle> tracker;
    private final Consumer<Set<ResourceType>> onUninstalled;

    PluginBundles(BundleContext context, Consumer<Set<ResourceType>> onUninstalled) {
        this.onUninstalled = onUninstalled;
        this.tracker = new BundleTracker<>(context, INSTALLED_STATES, this);
        tracker.open();
    }

    @Override
    public Map<ResourceType, String> installed() {
        Map<ResourceType, String> installed = new TreeMap<>();
        declared.forEach((bundle, types) -> types.forEach(type -> installed.merge(type, describe(bundle),
                (a, b) -> a + ", " + b)));
        return installed;
    }

    @Override
    public Bundle addingBundle(Bundle bundle, BundleEvent event) {
        Set<ResourceType> types = declaredTypes(bundle);
        if (types.isEmpty()) {
            return null;
        }
        declared.put(bundle, types);
        return bundle;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
        if (event != null && event.getType() == BundleEvent.UPDATED) {
            declared.put(bundle, declaredTypes(bundle));
        }
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
        Set<ResourceType> types = declared.remove(bundle);
        // Closing the tracker removes every bundle too; only a real uninstall concerns the listener.
        if (bundle.getState() == Bundle.UNINSTALLED) {
            onUninstalled.accept(types);
        }
    }

    @Override
    public void close() {
        tracker.close();
    }

    private static Set<ResourceType> declaredTypes(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return Set.of();
        }
        return revision.getDeclaredCapabilities(ResourcePlugin.NAMESPACE).stream()
                .map(capability -> capability.getAttributes().get(Reconciler.RESOURCE_TYPE))
                .flatMap(type -> type == null ? Stream.empty()
                        : ResourceType.idOfFactoryPid(ResourceType.PID_PREFIX + type).map(Definitions::unknown).stream())
                .collect(Collectors.toUnmodifiableSet());
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
