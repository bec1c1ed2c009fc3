package org.openpe.core.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openpe.api.model.PeerType;
import java.util.regex.Pattern;
import org.openpe.api.model.AllocationException;
import org.openpe.api.model.Cidr;

/** Collects the validation problems of one resource; every message starts with the resource. */
final class Problems {

    static final long MAX_ASN = 4294967295L;
    static final Pattern INTERFACE_NAME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_-]*$");
    static final int MAX_INTERFACE_NAME = 15;

    private final String subject;
    private final List<String> messages = new ArrayList<>();

    Problems(String subject) {
        this.subject = subject;
    }

    void add(String text) {
        messages.add(subject + ": " + text);
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    <T> T required(String key, T value) {
        if (value == null) {
            add("'" + key + "' is required");
        }
        return value;
    }

    /** The value when it is within {@code min..max}; a problem otherwise. Null stays null. */
    Long range(String key, Long value, long min, long max) {
        if (value != null && (value < min || value > max)) {
            add("'" + key + "' = " + value + " is out of range " + min + ".." + max);
        }
        return value;
    }

    void asn(String key, Long value) {
        range(key, value, 1, MAX_ASN);
    }

    /**
     * A peer given by exactly one of an AS number ({@code asnKey}) and a type ({@code typeKey},
     * {@code internal} or {@code external}); the type when it is the one given.
     */
    Optional<PeerType> asnOrType(String asnKey, Long asn, String typeKey, String type) {
        if (asn == null && type == null) {
            add("'" + asnKey + "' or '" + typeKey + "' (internal or external) is required");
        } else if (asn != null && type != null) {
            add("'" + asnKey + "' = " + asn + " and '" + typeKey + "' = '" + type + "' are mutually exclusive; set one");
        }
        asn(asnKey, asn);
        if (type == null) {
            return Optional.empty();
        }
        Optional<PeerType> parsed = PeerType.byKeyword(type);
        if (parsed.isEmpty()) {
            add("'" + typeKey + "' = '" + type + "' is neither 'internal' nor 'external'");
        }
        return parsed;
    }

    void interfaceName(String key, String value) {
        if (value == null) {
            return;
        }
        if (value.length() > MAX_INTERFACE_NAME) {
            add("'" + key + "' = '" + value + "' is longer than " + MAX_INTERFACE_NAME + " characters");
        } else if (!INTERFACE_NAME.matcher(value).matches()) {
            add("'" + key + "' = '" + value + "' must start with a letter and contain only letters, digits, '_' and '-'");
        }
    }

    /** Parses a CIDR of the given family (null: any family); a problem when it is not one. */
    Optional<Cidr> cidr(String key, String value, Boolean ipv4) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            Cidr cidr = Cidr.parse(value);
            if (ipv4 != null && cidr.isIpv4() != ipv4) {
                add("'" + key + "' = '" + value + "' is not an " + (ipv4 ? "IPv4" : "IPv6") + " CIDR");
                return Optional.empty();
            }
            return Optional.of(cidr);
        } catch (IllegalArgumentException e) {
            add("'" + key + "' = '" + value + "' is not a valid CIDR: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Runs an allocation for this node; a problem naming the key when the CIDR is too small. */
    void fits(String key, Runnable allocation) {
        try {
            allocation.run();
        } catch (AllocationException e) {
            add("'" + key + "': " + e.getMessage());
        }
    }
}
