package org.openpe.frr.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.openpe.frr.FrrInstance;
import org.openpe.frr.FrrManager;
import org.openpe.frr.FrrSettings;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The {@link FrrManager} service. Deactivation stops supervising but leaves every daemon running. */
@Component(service = FrrManager.class)
public final class FrrManagerComponent implements FrrManager {

    private final Map<String, DefaultFrrInstance> instances = new HashMap<>();

    @Override
    public synchronized FrrInstance instance(FrrSettings settings) {
        DefaultFrrInstance existing = instances.get(settings.pathspace());
        if (existing != null) {
            if (existing.settings().equals(settings)) {
                return existing;
            }
            existing.close();
            instances.remove(settings.pathspace());
        }
        DefaultFrrInstance created = DefaultFrrInstance.open(settings);
        instances.put(settings.pathspace(), created);
        return created;
    }

    @Override
    public synchronized Optional<FrrInstance> find(String pathspace) {
        return Optional.ofNullable(instances.get(pathspace));
    }

    @Deactivate
    synchronized void deactivate() {
        instances.values().forEach(DefaultFrrInstance::close);
        instances.clear();
    }
}
