package org.openpe.api;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A resource type of the configuration contract, bound to the config admin factory PID
 * {@code org.openpe.<id>}. The set of types is open: the core owns {@link #UNDERLAY}, every other
 * type is declared by the plugin bundle that handles it (see
 * {@link org.openpe.api.definition.ResourceDefinition}).
 *
 * @param id the short name used in PIDs, file names, shell commands and the {@link Reconciler#RESOURCE_TYPE}
 *     property: lower-case letters and digits, a letter first
 * @param kind the Kubernetes kind of the reference API (used by YAML import), e.g. {@code L3VNI}
 */
public record ResourceType(String id, String kind) implements Comparable<ResourceType> {

    /** The prefix of every resource factory PID. */
    public static final String PID_PREFIX = "org.openpe.";
    // before the constants: their constructor checks the id against it
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*");

    /** The fabric underlay, the platform's own resource: translated by the core, needed by the others. */
    public static final ResourceType UNDERLAY = new ResourceType("underlay", "Underlay");

    /** @deprecated transitional, until the core loops over definitions: the plugin declares its type. */
    @Deprecated(forRemoval = true)
    public static final ResourceType L3VNI = new ResourceType("l3vni", "L3VNI");
    /** @deprecated transitional, until the core loops over definitions: the plugin declares its type. */
    @Deprecated(forRemoval = true)
    public static final ResourceType L2VNI = new ResourceType("l2vni", "L2VNI");
    /** @deprecated transitional, until the core loops over definitions: the plugin declares its type. */
    @Deprecated(forRemoval = true)
    public static final ResourceType L3PASSTHROUGH = new ResourceType("l3passthrough", "L3Passthrough");

    /** @deprecated transitional, until the core loops over definitions. */
    @Deprecated(forRemoval = true)
    public static ResourceType[] values() {
        return new ResourceType[] {UNDERLAY, L3VNI, L2VNI, L3PASSTHROUGH};
    }

    /** @deprecated transitional, until the core loops over definitions. */
    @Deprecated(forRemoval = true)
    public static Optional<ResourceType> byId(String id) {
        return java.util.Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    /** @deprecated transitional, until the core loops over definitions. */
    @Deprecated(forRemoval = true)
    public static Optional<ResourceType> byKind(String kind) {
        return java.util.Arrays.stream(values()).filter(t -> t.kind.equals(kind)).findFirst();
    }

    /** @deprecated transitional, until the core loops over definitions. */
    @Deprecated(forRemoval = true)
    public static Optional<ResourceType> byFactoryPid(String pid) {
        return java.util.Arrays.stream(values()).filter(t -> t.factoryPid().equals(pid)).findFirst();
    }

    private static final Comparator<ResourceType> ORDER = Comparator
            .comparing((ResourceType t) -> !t.equals(UNDERLAY)).thenComparing(ResourceType::id);

    public ResourceType {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("resource type id '" + id + "' is not lower-case letters and digits");
        }
        if (kind.isBlank()) {
            throw new IllegalArgumentException("resource type " + id + " has a blank kind");
        }
    }

    /** {@code org.openpe.<id>}. */
    public String factoryPid() {
        return PID_PREFIX + id;
    }

    /**
     * The type id a resource factory PID names ({@code org.openpe.<id>}), whether or not a plugin
     * for it is installed; empty for any other PID.
     */
    public static Optional<String> idOfFactoryPid(String factoryPid) {
        if (factoryPid == null || !factoryPid.startsWith(PID_PREFIX)) {
            return Optional.empty();
        }
        String id = factoryPid.substring(PID_PREFIX.length());
        return ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    /** The underlay first, then by id. */
    @Override
    public int compareTo(ResourceType other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return id;
    }
}
