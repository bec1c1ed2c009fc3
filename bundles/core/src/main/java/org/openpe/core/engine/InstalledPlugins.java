package org.openpe.core.engine;

import java.util.Map;
import org.openpe.api.ResourceType;

/** The plugin bundles installed, whatever their state (see {@link PluginBundles}). */
interface InstalledPlugins extends AutoCloseable {

    /** For each type a plugin bundle is installed for, that bundle as {@code name [id] State}. */
    Map<ResourceType, String> installed();

    @Override
    void close();
}
