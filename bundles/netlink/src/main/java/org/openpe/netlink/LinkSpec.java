package org.openpe.netlink;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/** A device to create, one record per kind. Settings common to all kinds are in {@link LinkOptions}. */
public sealed interface LinkSpec permits LinkSpec.Veth, LinkSpec.Bridge, LinkSpec.Vxlan, LinkSpec.Vrf, LinkSpec.Dummy {
    /** Longest interface name the kernel accepts (IFNAMSIZ - 1). */
    int MAX_NAME_LENGTH = 15;

    String name();

    /** IFLA_INFO_KIND of the device. */
    String kind();

    /**
     * A veth pair. The peer is created directly in {@code peerNamespace} (a named namespace) when given,
     * otherwise next to the device.
     */
    record Veth(String name, String peerName, Optional<String> peerNamespace) implements LinkSpec {
        public Veth {
            checkName(name);
            checkName(peerName);
            Objects.requireNonNull(peerNamespace, "peerNamespace");
        }

        public Veth(String name, String peerName) {
            this(name, peerName, Optional.empty());
        }

        @Override
        public String kind() {
            return "veth";
        }
    }

    record Bridge(String name) implements LinkSpec {
        public Bridge {
            checkName(name);
        }

        @Override
        public String kind() {
            return "bridge";
        }
    }

    /**
     * A VXLAN device.
     *
     * @param vni      VXLAN network identifier (1..16777215)
     * @param local    local tunnel source address (IPv4 or IPv6), if any
     * @param port     destination UDP port (4789 is the IANA port)
     * @param learning whether the device learns remote MACs from received traffic (EVPN wants false)
     * @param device   underlay device name (IFLA_VXLAN_LINK), if any
     */
    record Vxlan(String name, int vni, Optional<InetAddress> local, int port, boolean learning,
                 Optional<String> device) implements LinkSpec {
        public Vxlan {
            checkName(name);
            if (vni < 1 || vni > 0xff_ffff) {
                throw new IllegalArgumentException("vxlan " + name + ": vni " + vni + " out of range 1..16777215");
            }
            if (port < 1 || port > 0xffff) {
                throw new IllegalArgumentException("vxlan " + name + ": port " + port + " out of range 1..65535");
            }
            Objects.requireNonNull(local, "local");
            Objects.requireNonNull(device, "device");
        }

        @Override
        public String kind() {
            return "vxlan";
        }
    }

    record Vrf(String name, int table) implements LinkSpec {
        public Vrf {
            checkName(name);
            if (table <= 0) {
                throw new IllegalArgumentException("vrf " + name + ": table " + table + " must be positive");
            }
        }

        @Override
        public String kind() {
            return "vrf";
        }
    }

    record Dummy(String name) implements LinkSpec {
        public Dummy {
            checkName(name);
        }

        @Override
        public String kind() {
            return "dummy";
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.contains("/")
                || name.chars().anyMatch(Character::isWhitespace) || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("invalid interface name '" + name + "' (1.." + MAX_NAME_LENGTH
                    + " characters, no '/' or whitespace)");
        }
    }
}
