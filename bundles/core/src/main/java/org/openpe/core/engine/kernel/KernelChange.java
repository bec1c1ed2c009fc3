package org.openpe.core.engine.kernel;

import java.util.List;
import java.util.Optional;
import org.openpe.api.kernel.Address;
import org.openpe.api.kernel.Link;
import org.openpe.api.kernel.Netns;
import org.openpe.api.kernel.Sysctl;

/** One minimal step that brings the kernel closer to the desired state. */
public sealed interface KernelChange {

    Netns netns();

    /** The key of the desired object this change serves ({@code KernelObject.key()}), for status. */
    String objectKey();

    /** A line for logs and {@code openpe:reconcile}. */
    String describe();

    /** Whether it takes something away: left out while a pass only adds (a plugin is awaited). */
    default boolean removes() {
        return false;
    }

    /** Creates the device with every attribute of the declaration (a veth creates both legs). */
    record CreateLink(Link link) implements KernelChange {
        public Netns netns() {
            return link.netns();
        }

        public String objectKey() {
            return link.key();
        }

        public String describe() {
            return "create " + kindName(link) + " " + link.name() + " in " + netns();
        }
    }

    record DeleteLink(Netns netns, String name, String objectKey) implements KernelChange {
        public String describe() {
            return "delete device " + name + " in " + netns;
        }

        @Override
        public boolean removes() {
            return true;
        }
    }

    /** Marks a device that already matches its declaration as OpenPE's, so that it is collected later. */
    record AdoptLink(Netns netns, String name, String objectKey) implements KernelChange {
        public String describe() {
            return "adopt device " + name + " in " + netns;
        }
    }

    record SetMaster(Netns netns, String name, Optional<String> master, String objectKey) implements KernelChange {
        public String describe() {
            return master.map(m -> "enslave " + name + " to " + m).orElse("release " + name + " from its master")
                    + " in " + netns;
        }
    }

    record SetUp(Netns netns, String name, boolean up, String objectKey) implements KernelChange {
        public String describe() {
            return "set " + name + (up ? " up" : " down") + " in " + netns;
        }
    }

    record SetMtu(Netns netns, String name, int mtu, String objectKey) implements KernelChange {
        public String describe() {
            return "set MTU of " + name + " to " + mtu + " in " + netns;
        }
    }

    record SetMac(Netns netns, String name, String mac, String objectKey) implements KernelChange {
        public String describe() {
            return "set MAC of " + name + " to " + mac + " in " + netns;
        }
    }

    record DisableIpv6AddrGen(Netns netns, String name, String objectKey) implements KernelChange {
        public String describe() {
            return "turn off IPv6 address generation on " + name + " in " + netns;
        }
    }

    record SetNeighSuppress(Netns netns, String name, String objectKey) implements KernelChange {
        public String describe() {
            return "turn on neighbour suppression on bridge port " + name + " in " + netns;
        }
    }

    record AddAddress(Address address) implements KernelChange {
        public Netns netns() {
            return address.netns();
        }

        public String objectKey() {
            return address.key();
        }

        public String describe() {
            return "add address " + address.cidr() + " to " + address.device() + " in " + netns();
        }
    }

    record DeleteAddress(Address address, String objectKey) implements KernelChange {
        public Netns netns() {
            return address.netns();
        }

        public String describe() {
            return "remove address " + address.cidr() + " from " + address.device() + " in " + netns();
        }

        @Override
        public boolean removes() {
            return true;
        }
    }

    /**
     * Removes an address and adds it again, so that the kernel announces it anew: the repair of an
     * address zebra lost (see {@link ZebraAddressWatch}).
     */
    record ReAddAddress(Address address) implements KernelChange {
        public Netns netns() {
            return address.netns();
        }

        public String objectKey() {
            return address.key();
        }

        public String describe() {
            return "re-add address " + address.cidr() + " to " + address.device() + " in " + netns()
                    + ": the kernel has it, zebra lost it";
        }

        @Override
        public boolean removes() {
            return true;
        }
    }

    /** An unreachable route, tagged with {@link Ownership#ROUTE_PROTOCOL}. */
    record AddRoute(Netns netns, int table, String destination, String objectKey) implements KernelChange {
        public String describe() {
            return "add unreachable " + destination + " table " + table + " in " + netns;
        }
    }

    record DeleteRoute(Netns netns, int table, String destination, String objectKey) implements KernelChange {
        public String describe() {
            return "remove unreachable " + destination + " table " + table + " in " + netns;
        }

        @Override
        public boolean removes() {
            return true;
        }
    }

    record SetSysctl(Sysctl sysctl) implements KernelChange {
        public Netns netns() {
            return sysctl.netns();
        }

        public String objectKey() {
            return sysctl.key();
        }

        public String describe() {
            return "set " + sysctl.name() + " = " + sysctl.value() + " in " + netns();
        }
    }

    /**
     * Brings a NIC into {@code to} with {@code addresses} (the kernel drops them on a move) and up:
     * moves it when it is in {@code from}, then adds those of the addresses it lacks, so that a
     * move interrupted by a crash is completed by the same change. Planned by the NIC handover.
     *
     * @param describe the line for logs, naming the NIC and what it is moved with
     */
    record MoveLink(String name, Netns from, Netns to, List<String> addresses, String describe) implements KernelChange {
        public MoveLink {
            addresses = List.copyOf(addresses);
        }

        public Netns netns() {
            return to;
        }

        public String objectKey() {
            return nicKey(name);
        }
    }

    /** Adds those of the host namespace's routes through a NIC handed back that the host lacks. */
    record RestoreHostRoutes(String nic, List<NicRoute> routes) implements KernelChange {
        public RestoreHostRoutes {
            routes = List.copyOf(routes);
        }

        public Netns netns() {
            return Netns.HOST;
        }

        public String objectKey() {
            return nicKey(nic) + " routes";
        }

        public String describe() {
            return "add the host's route(s) " + String.join(", ", routes.stream().map(NicRoute::toString).toList())
                    + " through " + nic;
        }
    }

    /** The key NIC moves are reported under: no resource declares the NIC as an object of its own. */
    static String nicKey(String nic) {
        return "nic " + nic;
    }

    private static String kindName(Link link) {
        return link.kind().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
