package org.openpe.api;

import java.util.Arrays;
import java.util.Optional;

/** The resource types of the configuration contract, each bound to one config admin factory PID. */
public enum ResourceType {
    UNDERLAY("underlay", "Underlay"),
    L3VNI("l3vni", "L3VNI"),
    L2VNI("l2vni", "L2VNI"),
    L3PASSTHROUGH("l3passthrough", "L3Passthrough");

    private final String id;
    private final String kind;

    ResourceType(String id, String kind) {
        this.id = id;
        this.kind = kind;
    }

    /** The short name used in PIDs, file names, shell commands and the {@link Reconciler#RESOURCE_TYPE} property. */
    public String id() {
        return id;
    }

    /** The Kubernetes kind of the reference API (used by YAML import). */
    public String kind() {
        return kind;
    }

    public String factoryPid() {
        return "org.openpe." + id;
    }

    public static Optional<ResourceType> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    public static Optional<ResourceType> byKind(String kind) {
        return Arrays.stream(values()).filter(t -> t.kind.equals(kind)).findFirst();
    }

    public static Optional<ResourceType> byFactoryPid(String pid) {
        return Arrays.stream(values()).filter(t -> t.factoryPid().equals(pid)).findFirst();
    }
}
