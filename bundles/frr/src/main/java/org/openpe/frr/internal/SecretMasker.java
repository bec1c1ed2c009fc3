package org.openpe.frr.internal;

import java.util.Comparator;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openpe.api.frr.FrrConfig;

/** Hides passwords in any text that leaves this bundle: FRR output, running configuration, errors. */
final class SecretMasker {

    private static final Pattern PASSWORD_ARGUMENT = Pattern.compile("(\\bpassword\\s+)\\S+");

    private SecretMasker() {}

    /** The passwords {@code config} renders. */
    static Set<String> secretsOf(FrrConfig config) {
        return config.routers().stream()
                .flatMap(r -> r.neighbors().stream())
                .flatMap(n -> n.password().stream())
                .collect(Collectors.toSet());
    }

    /** {@code text} with every {@code password <x>} argument and every known secret replaced by {@value ConfigRenderer#MASK}. */
    static String mask(String text, Set<String> secrets) {
        String masked = PASSWORD_ARGUMENT.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(ConfigRenderer.MASK));
        for (String secret : secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            masked = masked.replace(secret, ConfigRenderer.MASK);
        }
        return masked;
    }
}
