package org.openpe.api.definition;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.openpe.api.Reconciler;
import org.openpe.api.ResourceType;
import org.openpe.api.model.AllocationException;
import org.openpe.api.model.Resource;
import org.openpe.api.model.Underlay;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Everything the core needs to know about one resource type, apart from realising it (that is the
 * {@link Reconciler}'s job). A plugin bundle registers it as an OSGi service with the
 * {@link Reconciler#RESOURCE_TYPE} property set to {@link ResourceType#id()}, beside its
 * reconciler; the core tracks these services (whiteboard; the highest ranking wins per type) and
 * names no type itself.
 *
 * <p>The core tracks the configurations of every {@code org.openpe.<id>} factory PID, known or
 * not. While no definition is registered for a type, its resources are {@code Unsupported} (or
 * {@code Pending} while the plugin bundle is only away, see {@link org.openpe.api.ResourcePlugin});
 * their {@code .cfg} files stay and come back to life when a definition returns.
 *
 * <p>How a configuration becomes a resource: the core derives the name (from the file name or a
 * {@code name} property), binds the properties onto {@link #specClass()} (strict about unknown keys
 * and value types; the error names the key and the value), then calls {@link #resource} for the
 * field rules, then checks the claims of all resources against each other ({@link #claim}), the
 * immutable fields against the version in force ({@link #immutableChange}) and the
 * {@link #dependency()}.
 *
 * <p>All methods are pure and cheap; they are called on every configuration change.
 *
 * @param <S> the configuration as written (see {@link #specClass()})
 * @param <R> the resource model handed to the reconciler
 */
@ConsumerType
public interface ResourceDefinition<S, R extends Resource> {

    /** The type: its id, factory PID ({@code org.openpe.<id>}) and kind (for YAML import). */
    ResourceType type();

    /**
     * The configuration as written: a public record whose component names are the configuration
     * keys. A nested public record is a group of dotted keys ({@code hostsession.asn}); a
     * {@code List<String>} takes {@code key.0, key.1, ...} or a comma-separated value; {@code Long},
     * {@code Boolean} and {@code String} take their values, {@code null} meaning "not set". Keys the
     * record does not have are errors.
     */
    Class<S> specClass();

    /** The model class; every resource {@link #resource} returns is an instance of it. */
    Class<R> modelClass();

    /**
     * The field rules: the resource with its defaults applied, or {@code null} when a problem was
     * reported. Every problem names its key and value ({@code 'vni' = 0 is out of range ...}); the
     * core prefixes it with the resource.
     *
     * @param name the resource name, already checked to be a valid name
     * @param nodeIndex this node's index when known, to check that per-node allocations fit
     */
    R resource(String name, S spec, Problems problems, OptionalInt nodeIndex);

    /** What must be in force before the resource can be realised. */
    default Dependency dependency() {
        return Dependency.EVPN;
    }

    /**
     * Claims what this resource needs to hold alone across all resources of all types (a VNI, a
     * VRF, a host-session CIDR, a NIC). A resource whose claim another resource holds is rejected,
     * naming both; versions in force keep their claims.
     */
    default void claim(R resource, Claims claims) {}

    /**
     * The first field that may not change on an existing resource and that {@code after} changes,
     * if any. The core then keeps {@code before} in force and rejects {@code after}.
     */
    default Optional<FieldChange> immutableChange(R before, R after) {
        return Optional.empty();
    }

    /**
     * The effective values (defaults applied) under their configuration keys, for
     * {@code openpe:show}: an insertion-ordered tree of {@code Map<String, ?>}, {@code List<?>},
     * {@code String}, {@code Number} and {@code Boolean}. Secrets are masked ({@code ****}).
     */
    Map<String, Object> view(R resource);

    /**
     * The addresses the resource gets on this node, named for display ({@code ipv4.routerSide}).
     *
     * @param underlay the underlay in force, if any
     * @throws AllocationException when a CIDR is too small for the node index
     */
    default Map<String, String> allocations(R resource, int nodeIndex, Optional<Underlay> underlay) {
        return Map.of();
    }
}
