package org.openpe.core.config;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;

/**
 * A config admin holding configurations in memory, with helpers that behave like FileInstall
 * (file-named factory configurations) and deliver the events to a listener.
 */
final class FakeConfigurationAdmin {

    private final Map<String, Hashtable<String, Object>> configs = new LinkedHashMap<>();
    private ConfigurationListener listener = event -> {};

    ConfigurationAdmin admin() {
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                    if (method.getName().equals("listConfigurations")) {
                        return list((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    void listenWith(ConfigurationListener listener) {
        this.listener = listener;
    }

    boolean exists(String pid) {
        return configs.containsKey(pid);
    }

    /** Like FileInstall reading {@code etc/<factoryPid>-<name>.cfg}. */
    String putFile(String factoryPid, String name, Path dir, Map<String, Object> properties) {
        Map<String, Object> p = new LinkedHashMap<>(properties);
        p.put(ResourceNames.FILE_PROPERTY, dir.resolve(factoryPid + "-" + name + ".cfg").toUri().toString());
        return put(factoryPid, factoryPid + "~" + name, p);
    }

    String put(String factoryPid, String pid, Map<String, Object> properties) {
        Hashtable<String, Object> table = new Hashtable<>(properties);
        table.put("service.pid", pid);
        if (factoryPid != null) {
            table.put("service.factoryPid", factoryPid);
        }
        configs.put(pid, table);
        listener.configurationEvent(new ConfigurationEvent(reference(), ConfigurationEvent.CM_UPDATED, factoryPid, pid));
        return pid;
    }

    void remove(String pid) {
        Hashtable<String, Object> removed = configs.remove(pid);
        listener.configurationEvent(new ConfigurationEvent(reference(), ConfigurationEvent.CM_DELETED,
                (String) removed.get("service.factoryPid"), pid));
    }

    private Configuration[] list(String filterText) throws Exception {
        Filter filter = FrameworkUtil.createFilter(filterText);
        Configuration[] found = configs.values().stream()
                .filter(filter::match)
                .map(this::configuration)
                .toArray(Configuration[]::new);
        return found.length == 0 ? null : found;
    }

    private Configuration configuration(Hashtable<String, Object> table) {
        String pid = (String) table.get("service.pid");
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Configuration.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getPid" -> pid;
                    case "getFactoryPid" -> table.get("service.factoryPid");
                    case "getProperties" -> (Dictionary<String, Object>) new Hashtable<>(table);
                    case "delete" -> configs.remove(pid);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<ConfigurationAdmin> reference() {
        return (ServiceReference<ConfigurationAdmin>) Proxy.newProxyInstance(FakeConfigurationAdmin.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
