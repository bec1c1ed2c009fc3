package org.openpe.core.validation;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.openpe.api.definition.Problems;
import org.openpe.api.model.Cidr;
import org.openpe.api.model.FrrSettings;
import org.openpe.api.model.NodeSettings;
import org.openpe.core.config.BindingException;
import org.openpe.core.config.ConfigSource;
import org.openpe.core.config.ResourceBinder;
import org.openpe.core.config.Specs.FrrSpec;
import org.openpe.core.config.Specs.NodeSpec;
import org.openpe.core.metrics.MetricsSettings;

/** Validates the node settings and resolves this node's index (spec section 2). */
public final class NodeRules {

    static final String SUBJECT = "node settings";
    private static final Set<String> LOG_LEVELS = Set.of("emergencies", "alerts", "critical", "errors", "warnings",
            "notifications", "informational", "debugging");
    private static final Pattern NAMESPACE = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$");

    private final InterfaceAddresses interfaces;

    public NodeRules(InterfaceAddresses interfaces) {
        this.interfaces = interfaces;
    }

    /** The node state for a configuration, or for no configuration at all ({@code source} empty). */
    public NodeState evaluate(Optional<ConfigSource> source, Map<String, ?> properties) {
        Problems p = new Problems(SUBJECT);
        NodeSettings defaults = defaults();
        if (source.isEmpty()) {
            p.add("no node index: set 'nodeIndex' or 'nodeIndexInterface' in etc/org.openpe.node.cfg");
            return new NodeState(source, defaults, OptionalInt.empty(), p.messages());
        }
        NodeSpec spec;
        try {
            spec = ResourceBinder.bindNode(properties);
        } catch (BindingException e) {
            p.add(e.getMessage());
            return new NodeState(source, defaults, OptionalInt.empty(), p.messages());
        }
        NodeSettings settings = check(spec, p);
        MetricsSettings metrics = metrics(spec, p);
        if (!p.isEmpty()) {
            return new NodeState(source, defaults, OptionalInt.empty(), p.messages());
        }
        OptionalInt index = resolveIndex(settings, p);
        return new NodeState(source, settings, index, p.messages(), metrics);
    }

    static NodeSettings defaults() {
        String ns = NodeSettings.DEFAULT_ROUTER_NAMESPACE;
        return new NodeSettings(Optional.empty(), Optional.empty(), Optional.empty(), ns, FrrSettings.defaults(ns),
                NodeSettings.DEFAULT_LOG_LEVEL);
    }

    private static NodeSettings check(NodeSpec spec, Problems p) {
        p.range("nodeIndex", spec.nodeIndex(), 0, Integer.MAX_VALUE);
        if (spec.nodeIndex() != null && spec.nodeIndexInterface() != null) {
            p.add("'nodeIndex' and 'nodeIndexInterface' are mutually exclusive");
        } else if (spec.nodeIndex() == null && spec.nodeIndexInterface() == null) {
            p.add("no node index: set 'nodeIndex' or 'nodeIndexInterface'");
        }
        p.interfaceName("nodeIndexInterface", spec.nodeIndexInterface());
        if (spec.nodeIndexCidr() != null && spec.nodeIndexInterface() == null) {
            p.add("'nodeIndexCidr' is only used with 'nodeIndexInterface'");
        }
        p.cidr("nodeIndexCidr", spec.nodeIndexCidr(), null);
        String namespace = spec.routerNamespace() == null ? NodeSettings.DEFAULT_ROUTER_NAMESPACE : spec.routerNamespace();
        if (!NAMESPACE.matcher(namespace).matches()) {
            p.add("'routerNamespace' = '" + namespace + "' is not a valid namespace name (letters, digits, '.', '_'"
                    + " and '-', at most 63 characters)");
        }
        String logLevel = spec.logLevel() == null ? NodeSettings.DEFAULT_LOG_LEVEL : spec.logLevel();
        if (!LOG_LEVELS.contains(logLevel)) {
            p.add("'logLevel' = '" + logLevel + "' is not an FRR log level (one of "
                    + String.join(", ", LOG_LEVELS.stream().sorted().toList()) + ")");
        }
        FrrSettings frr = frr(spec.frr() == null ? new FrrSpec(null, null, null, null, null, null) : spec.frr(),
                namespace, p);
        return new NodeSettings(
                Optional.ofNullable(spec.nodeIndex()).map(Long::intValue),
                Optional.ofNullable(spec.nodeIndexInterface()),
                Optional.ofNullable(spec.nodeIndexCidr()),
                namespace, frr, logLevel);
    }

    private static MetricsSettings metrics(NodeSpec spec, Problems p) {
        p.range("metricsPort", spec.metricsPort(), 0, 65535);
        String textfile = spec.metricsTextfile();
        if (textfile != null && !textfile.isEmpty() && !textfile.endsWith(".prom")) {
            p.add("'metricsTextfile' = '" + textfile + "' does not end with .prom (node_exporter reads only *.prom files)");
        }
        Optional<Path> file = textfile == null || textfile.isEmpty() ? Optional.empty()
                : Optional.of(Path.of(path("metricsTextfile", textfile, textfile, p)));
        return p.isEmpty() ? new MetricsSettings(spec.metricsPort() == null ? 0 : spec.metricsPort().intValue(), file)
                : MetricsSettings.OFF;
    }

    private static FrrSettings frr(FrrSpec spec, String namespace, Problems p) {
        FrrSettings d = FrrSettings.defaults(namespace);
        String pathspace = spec.pathspace() == null ? d.pathspace() : spec.pathspace();
        if (spec.pathspace() != null && !NAMESPACE.matcher(pathspace).matches()) {
            p.add("'frr.pathspace' = '" + pathspace + "' is not a valid pathspace name");
        }
        return new FrrSettings(
                spec.supervise() == null || spec.supervise(),
                pathspace,
                path("frr.binaryDir", spec.binaryDir(), d.binaryDir(), p),
                path("frr.vtysh", spec.vtysh(), d.vtysh(), p),
                path("frr.reloadScript", spec.reloadScript(), d.reloadScript(), p),
                path("frr.configDir", spec.configDir(), d.configDir(), p));
    }

    private static String path(String key, String value, String fallback, Problems p) {
        if (value == null) {
            return fallback;
        }
        if (!value.startsWith("/")) {
            p.add("'" + key + "' = '" + value + "' is not an absolute path");
        }
        return value;
    }

    private OptionalInt resolveIndex(NodeSettings settings, Problems p) {
        if (settings.nodeIndex().isPresent()) {
            return OptionalInt.of(settings.nodeIndex().get());
        }
        String nic = settings.nodeIndexInterface().orElseThrow();
        Optional<List<Cidr>> addresses = interfaces.addresses(nic);
        if (addresses.isEmpty()) {
            p.add("'nodeIndexInterface' = '" + nic + "': there is no such interface");
            return OptionalInt.empty();
        }
        Optional<Cidr> chosen = addresses.get().stream()
                .filter(c -> !c.address().isLinkLocalAddress() && !c.address().isLoopbackAddress())
                .min(Comparator.comparing(c -> c.address() instanceof Inet4Address ? 0 : 1));
        if (chosen.isEmpty()) {
            p.add("'nodeIndexInterface' = '" + nic + "' has no IPv4 or global IPv6 address");
            return OptionalInt.empty();
        }
        InetAddress address = chosen.get().address();
        Cidr range = chosen.get();
        if (settings.nodeIndexCidr().isPresent()) {
            range = Cidr.parse(settings.nodeIndexCidr().get());
            if (!range.contains(address)) {
                p.add("'nodeIndexCidr' = '" + range + "' does not contain " + Cidr.format(address)
                        + ", the address of '" + nic + "'");
                return OptionalInt.empty();
            }
        }
        BigInteger offset = range.offsetOf(address);
        if (offset.bitLength() > 31) {
            p.add("the host part of " + Cidr.format(address) + " in " + range + " is too large for a node index");
            return OptionalInt.empty();
        }
        return OptionalInt.of(offset.intValueExact());
    }
}
