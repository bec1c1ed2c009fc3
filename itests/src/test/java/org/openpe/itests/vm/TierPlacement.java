package org.openpe.itests.vm;

import org.openpe.itests.support.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where the VRF tier can run: directly on this host when its kernel creates vrf, dummy, vxlan, bridge
 * and veth devices (scripts/vm/kernel-has-vrf.sh), else in a VM (scripts/vm/run.sh, which installs
 * qemu itself when apt-get is there), else nowhere. {@code -Dopenpe.vrftier=host|vm} forces a choice.
 */
record TierPlacement(Where where, String reason) {

    enum Where { HOST, VM, NOWHERE }

    static TierPlacement detect(Path root) {
        String forced = System.getProperty("openpe.vrftier", "");
        if (forced.equals("host")) {
            return new TierPlacement(Where.HOST, "forced by -Dopenpe.vrftier=host");
        }
        if (forced.equals("vm")) {
            return new TierPlacement(Where.VM, "forced by -Dopenpe.vrftier=vm");
        }
        if (!Shell.ok("id", "-u").trim().equals("0")) {
            return new TierPlacement(Where.NOWHERE, "the VRF tier needs root (it creates network namespaces)");
        }
        Shell.Result probe = Shell.run(root.resolve("scripts/vm/kernel-has-vrf.sh").toString());
        if (probe.exitCode() == 0) {
            return new TierPlacement(Where.HOST, "this kernel has vrf, dummy, vxlan, bridge and veth");
        }
        String lack = probe.output().trim();
        if (onPath("qemu-system-x86_64") || onPath("apt-get")) {
            return new TierPlacement(Where.VM, lack + "; running in a VM with Debian's stock kernel");
        }
        return new TierPlacement(Where.NOWHERE, lack + ", and neither qemu-system-x86_64 nor apt-get (to install it) is available");
    }

    /**
     * For scenarios that need a machine of their own (systemd as PID 1, a unit installed): always the
     * VM, never this host.
     */
    static TierPlacement detectVmOnly() {
        if (!Shell.ok("id", "-u").trim().equals("0")) {
            return new TierPlacement(Where.NOWHERE, "the VM tier needs root (qemu shares the host root as it is)");
        }
        if (onPath("qemu-system-x86_64") || onPath("apt-get")) {
            return new TierPlacement(Where.VM, "a throw-away VM booting systemd as PID 1: never this host's own init");
        }
        return new TierPlacement(Where.NOWHERE, "neither qemu-system-x86_64 nor apt-get (to install it) is available");
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
