package org.openpe.api.definition;

/**
 * A host session as written ({@code hostsession.*}), for the spec records of the types that have one.
 *
 * @param localcidr {@code localcidr.ipv4} and {@code localcidr.ipv6}
 */
public record HostSessionSpec(Long asn, Long hostasn, LocalCidrSpec localcidr, String hosttype) {

    /** {@code localcidr.ipv4} and {@code localcidr.ipv6} as written. */
    public record LocalCidrSpec(String ipv4, String ipv6) {}
}
