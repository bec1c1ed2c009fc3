package org.openpe.api.definition;

import org.openpe.api.ResourceType;
import org.openpe.api.model.Cidr;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a {@link ResourceDefinition} claims what its resource holds alone. Claims are compared
 * across all resources of all types; a conflict rejects the resource that claims second, with the
 * message naming the holder. Provided by the core.
 */
@ProviderType
public interface Claims {

    /**
     * Claims {@code what} (e.g. {@code vni 100}), which only one resource may hold.
     *
     * @param conflict the problem when another resource holds it, with {@code %s} for that resource
     */
    void unique(String what, String conflict);

    /** Claims an address range, which may overlap no range another resource claims; {@code key} names its field. */
    void cidr(String key, Cidr cidr);

    /** A VXLAN network identifier, unique across all VNIs. */
    default void vni(long vni) {
        unique("vni " + vni, "'vni' = " + vni + " is already used by %s");
    }

    /** A network interface, which only one resource may use. */
    default void nic(String key, String nic) {
        unique("nic " + nic, "'" + key + "' = '" + nic + "' is already used by %s");
    }

    /** At most one resource of this type. */
    default void onlyOne(ResourceType type) {
        unique(type.id(), "only one " + type.id() + " is allowed; %s is already configured");
    }
}
