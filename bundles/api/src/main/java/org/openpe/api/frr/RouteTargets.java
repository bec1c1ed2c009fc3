package org.openpe.api.frr;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The route distinguisher and route targets of an EVPN instance (a VRF's L3VNI or an L2VNI).
 * Empty means FRR's auto-derived values. Lists are sorted and de-duplicated.
 *
 * @param rd {@code ASN:NN} or {@code A.B.C.D:NN}
 * @param imports {@code route-target import} values, at most {@value #MAX_TARGETS}
 * @param exports {@code route-target export} values, at most {@value #MAX_TARGETS}
 */
public record RouteTargets(Optional<String> rd, List<String> imports, List<String> exports) {

    public static final int MAX_TARGETS = 100;
    public static final RouteTargets AUTO = new RouteTargets(Optional.empty(), List.of(), List.of());

    private static final Pattern IPV4_ADMIN = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3}):(\\d{1,10})");
    private static final Pattern ASN_ADMIN = Pattern.compile("(\\d{1,10}):(\\d{1,10})");
    private static final long MAX_2_BYTE_ASN = 65_535;
    private static final long MAX_4_BYTE = 4_294_967_295L;

    public RouteTargets {
        rd.ifPresent(v -> requireValid(v, "route distinguisher"));
        imports = checked(imports, "import route target");
        exports = checked(exports, "export route target");
    }

    public boolean isAuto() {
        return rd.isEmpty() && imports.isEmpty() && exports.isEmpty();
    }

    /**
     * Why {@code value} is no route target or distinguisher ({@code ASN:NN} with NN at most 65535
     * for a 4-byte ASN and 4294967295 for a 2-byte one, or {@code A.B.C.D:NN} with NN at most
     * 65535), or empty when it is one.
     */
    public static Optional<String> problem(String value) {
        Matcher ip = IPV4_ADMIN.matcher(value);
        if (ip.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(ip.group(i)) > 255) {
                    return Optional.of("its address part is no IPv4 address");
                }
            }
            return Long.parseLong(ip.group(5)) > MAX_2_BYTE_ASN
                    ? Optional.of("with an IPv4 address, the number after ':' must be at most 65535") : Optional.empty();
        }
        Matcher as = ASN_ADMIN.matcher(value);
        if (!as.matches()) {
            return Optional.of("is not ASN:NN or A.B.C.D:NN");
        }
        long asn = Long.parseLong(as.group(1));
        long number = Long.parseLong(as.group(2));
        if (asn < 1 || asn > MAX_4_BYTE) {
            return Optional.of("the ASN must be within 1..4294967295");
        }
        long max = asn > MAX_2_BYTE_ASN ? MAX_2_BYTE_ASN : MAX_4_BYTE;
        return number > max ? Optional.of("with a " + (asn > MAX_2_BYTE_ASN ? "4" : "2")
                + "-byte ASN, the number after ':' must be at most " + max) : Optional.empty();
    }

    private static void requireValid(String value, String what) {
        problem(value).ifPresent(p -> {
            throw new IllegalArgumentException(what + " '" + value + "' " + p);
        });
    }

    private static List<String> checked(List<String> values, String what) {
        if (values.size() > MAX_TARGETS) {
            throw new IllegalArgumentException("at most " + MAX_TARGETS + " values per " + what + " list, got " + values.size());
        }
        values.forEach(v -> requireValid(v, what));
        return values.stream().distinct().sorted().toList();
    }
}
