package org.openpe.core.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations in the Go / Kubernetes form: {@code 90s}, {@code 1m30s}, {@code 500ms}, {@code 1.5h}. */
public final class GoDuration {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private GoDuration() {}

    /** @throws IllegalArgumentException when {@code text} is not a Go duration */
    public static Duration parse(String text) {
        String s = text.strip();
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty duration");
        }
        Matcher m = PART.matcher(s);
        BigDecimal nanos = BigDecimal.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            nanos = nanos.add(new BigDecimal(m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1))
                    .multiply(unitNanos(m.group(2))));
            end = m.end();
        }
        if (end != s.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration");
        }
        BigDecimal whole = nanos.setScale(0, java.math.RoundingMode.DOWN);
        BigDecimal[] secondsAndNanos = whole.divideAndRemainder(NANOS_PER_SECOND);
        Duration d = Duration.ofSeconds(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact());
        return negative ? d.negated() : d;
    }

    /** The form Go prints: {@code 1m30s}, {@code 1h0m0s}, {@code 500ms}, {@code 0s}. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder(d.isNegative() ? "-" : "");
        Duration abs = d.abs();
        if (abs.toSeconds() == 0) {
            return sb.append(abs.toMillis() > 0 && abs.toNanosPart() % 1_000_000 == 0
                    ? abs.toMillis() + "ms" : abs.toNanos() + "ns").toString();
        }
        if (abs.toHours() > 0) {
            sb.append(abs.toHours()).append('h');
        }
        if (abs.toHours() > 0 || abs.toMinutesPart() > 0) {
            sb.append(abs.toMinutesPart()).append('m');
        }
        sb.append(BigDecimal.valueOf(abs.toSecondsPart()).add(BigDecimal.valueOf(abs.toNanosPart(), 9))
                .stripTrailingZeros().toPlainString()).append('s');
        return sb.toString();
    }

    private static BigDecimal unitNanos(String unit) {
        return BigDecimal.valueOf(switch (unit) {
            case "ns" -> 1L;
            case "us", "µs", "μs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
        });
    }
}
