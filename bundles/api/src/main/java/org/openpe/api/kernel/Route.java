package org.openpe.api.kernel;

/**
 * An unreachable route in a VRF's routing table: it keeps traffic of the VRF from falling through
 * to the main table.
 */
public record Route(Netns netns, String vrf, String destination) implements KernelObject {

    @Override
    public String key() {
        return "route " + netns + " vrf " + vrf + " unreachable " + destination;
    }
}
