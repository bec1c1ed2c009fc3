package org.openpe.api.frr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Checks that keep values from breaking the line structure of frr.conf, and list normalisation. */
final class Words {

    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.:@+=-]+");

    private Words() {}

    /** A single FRR CLI word: no whitespace, no characters that would change the command. */
    static String requireWord(String value, String what) {
        if (value == null || !WORD.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be a single word of letters, digits and _.:@+=-, got '" + value + "'");
        }
        return value;
    }

    static int requireRange(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be within " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    /**
     * Sorts {@code items} by key, dropping exact duplicates; two different items with the same key
     * are a conflict, reported with {@code what} and the key.
     */
    static <T, K> List<T> uniqueSorted(Collection<T> items, Function<T, K> key, Comparator<K> order, String what) {
        Map<K, T> byKey = new LinkedHashMap<>();
        for (T item : items) {
            T previous = byKey.putIfAbsent(key.apply(item), item);
            if (previous != null && !previous.equals(item)) {
                throw new IllegalArgumentException("conflicting declarations of " + what + " " + key.apply(item)
                        + ": " + previous + " and " + item);
            }
        }
        List<K> keys = new ArrayList<>(byKey.keySet());
        keys.sort(order);
        return keys.stream().map(byKey::get).toList();
    }
}
