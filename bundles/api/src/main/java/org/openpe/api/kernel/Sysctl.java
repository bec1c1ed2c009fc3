package org.openpe.api.kernel;

/** A sysctl of one namespace, by its dotted name ({@code net.ipv4.ip_forward}). */
public record Sysctl(Netns netns, String name, String value) implements KernelObject {

    @Override
    public String key() {
        return "sysctl " + netns + " " + name;
    }
}
