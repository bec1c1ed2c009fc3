package org.openpe.api.model;

import java.util.Objects;

/**
 * How the runtime runs FRR. Defaults are those of Debian's {@code frr} packages.
 *
 * @param supervise whether the runtime starts and supervises the FRR daemons itself (default true)
 * @param pathspace FRR pathspace ({@code -N}); defaults to the router namespace name
 * @param binaryDir where the daemons live
 * @param vtysh the vtysh binary
 * @param reloadScript {@code frr-reload.py} (package frr-pythontools)
 * @param configDir where {@code frr.conf} is written
 */
public record FrrSettings(
        boolean supervise, String pathspace, String binaryDir, String vtysh, String reloadScript, String configDir) {

    public static final String DEFAULT_BINARY_DIR = "/usr/lib/frr";
    public static final String DEFAULT_VTYSH = "/usr/bin/vtysh";
    public static final String DEFAULT_RELOAD_SCRIPT = "/usr/lib/frr/frr-reload.py";
    public static final String DEFAULT_CONFIG_DIR = "/etc/frr";

    public FrrSettings {
        Objects.requireNonNull(pathspace, "pathspace");
        Objects.requireNonNull(binaryDir, "binaryDir");
        Objects.requireNonNull(vtysh, "vtysh");
        Objects.requireNonNull(reloadScript, "reloadScript");
        Objects.requireNonNull(configDir, "configDir");
    }

    /** Every default, with the pathspace of the given router namespace. */
    public static FrrSettings defaults(String routerNamespace) {
        return new FrrSettings(true, routerNamespace, DEFAULT_BINARY_DIR, DEFAULT_VTYSH, DEFAULT_RELOAD_SCRIPT,
                DEFAULT_CONFIG_DIR);
    }
}
