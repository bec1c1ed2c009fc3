package org.openpe.api.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openpe.api.model.AllocationException;
import org.openpe.api.model.Cidr;
import org.openpe.api.model.PeerType;

/**
 * Collects the validation problems of one resource; every message starts with the resource. The
 * helpers add the messages every type words the same way, naming the key and the value.
 */
public final class Problems {

    public static final long MAX_ASN = 4294967295L;
    public static final Pattern INTERFACE_NAME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_-]*$");
    public static final int MAX_INTERFACE_NAME = 15;

    private final String subject;
    private final List<String> messages = new ArrayList<>();

    /** @param subject how messages name the resource, e.g. {@code l3vni red} */
    public Problems(String subject) {
        this.subject = subject;
    }

    public void add(String text) {
        messages.add(subject + ": " + text);
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public <T> T required(String key, T value) {
        if (value == null) {
            add("'" + key + "' is required");
        }
        return value;
    }

    /** The value when it is within {@code min..max}; a problem otherwise. Null stays null. */
    public Long range(String key, Long value, long min, long max) {
        if (value != null && (value < min || value > max)) {
            add("'" + key + "' = " + value + " is out of range " + min + ".." + max);
        }
        return value;
    }

    public void asn(String key, Long value) {
        range(key, value, 1, MAX_ASN);
    }

    /**
     * A peer given by exactly one of an AS number ({@code asnKey}) and a type ({@code typeKey},
     * {@code internal} or {@code external}); the type when it is the one given.
     */
    public Optional<PeerType> asnOrType(String asnKey, Long asn, String typeKey, String type) {
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

    public void interfaceName(String key, String value) {
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
    public Optional<Cidr> cidr(String key, String value, Boolean ipv4) {
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
    public void fits(String key, Runnable allocation) {
        try {
            allocation.run();
        } catch (AllocationException e) {
            add("'" + key + "': " + e.getMessage());
        }
    }
}
