package org.openpe.api.kernel;

/** An IPv4 or IPv6 address with prefix length ({@code 192.169.10.1/24}) on a device. */
public record Address(Netns netns, String device, String cidr) implements KernelObject {

    @Override
    public String key() {
        return "address " + netns + " " + device + " " + cidr;
    }
}
