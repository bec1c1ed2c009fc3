package org.openpe.api;

import java.util.Optional;
import java.util.OptionalInt;
import org.openpe.api.model.Underlay;
import org.osgi.annotation.versioning.ProviderType;

/** What a reconciler may know about the node it runs on. Provided by the core. */
@ProviderType
public interface NodeContext {

    /** This node's index, the basis of every per-node address (spec section 4). */
    int nodeIndex();

    /** Name of the router network namespace (default {@code perouter}). */
    String routerNamespace();

    /** The valid underlay, if one is configured. VNI resources are blocked without it. */
    Optional<Underlay> underlay();

    /** The routing table id of a VRF, allocated by the core and stable across restarts. */
    int vrfTable(String vrf);

    /** The MTU of the underlay's NIC as the kernel has it; empty without NIC, or before it exists. */
    default OptionalInt underlayMtu() {
        return OptionalInt.empty();
    }
}
