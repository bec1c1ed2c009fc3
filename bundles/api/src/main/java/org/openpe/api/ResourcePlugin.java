package org.openpe.api;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.CLASS;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.osgi.annotation.bundle.Attribute;
import org.osgi.annotation.bundle.Capability;

/**
 * Put on a {@link Reconciler}: declares in its bundle's manifest the resource type it handles, as an
 * {@value #NAMESPACE} capability. From it the core knows that a plugin is only away while its bundle
 * is installed (stopped, being updated or refreshed) and keeps what its resources created; only when
 * the bundle is uninstalled are they {@code Unsupported} and removed.
 */
@Capability(namespace = ResourcePlugin.NAMESPACE)
@Retention(CLASS)
@Target(TYPE)
public @interface ResourcePlugin {

    /** The capability namespace of resource plugins. */
    String NAMESPACE = "org.openpe.plugin";

    /** The {@link ResourceType#id()} handled. */
    @Attribute(Reconciler.RESOURCE_TYPE)
    String value();
}
