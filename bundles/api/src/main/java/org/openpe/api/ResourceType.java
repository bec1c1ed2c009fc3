package org.openpe.api;

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
 *
 * <p>A type is identified by its id alone: two instances with the same id are equal, whatever their
 * kind (the core knows only the id of a type whose plugin is not installed).
 */
public record ResourceType(String id, String kind) implements Comparable<ResourceType> {

    /** The prefix of every resource factory PID. */
    public static final String PID_PREFIX = "org.openpe.";

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*");

    /** The fabric underlay, the platform's own resource: translated by the core, needed by the others. */
    public static final ResourceType UNDERLAY = new ResourceType("underlay", "Underlay");

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
        boolean underlay = equals(UNDERLAY);
        if (underlay != other.equals(UNDERLAY)) {
            return underlay ? -1 : 1;
        }
        return id.compareTo(other.id);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResourceType t && t.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
