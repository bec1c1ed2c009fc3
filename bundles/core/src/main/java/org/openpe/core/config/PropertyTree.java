package org.openpe.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns flat config admin properties with dotted keys ({@code neighbors.0.asn}) into a JSON tree.
 * Numeric segments are 0-based list indexes and must be contiguous. Karaf's bookkeeping keys are
 * dropped (see {@link #isBookkeeping(String)}).
 */
public final class PropertyTree {

    private static final Pattern INDEX = Pattern.compile("0|[1-9]\\d{0,8}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PropertyTree() {}

    /** Keys that config admin, FileInstall, DS or the resource identity put there: not resource fields. */
    public static boolean isBookkeeping(String key) {
        return key.equals("name") || key.startsWith("service.") || key.startsWith("felix.fileinstall.")
                || key.startsWith("component.") || key.startsWith(":org.apache.felix.configadmin.");
    }

    /** The resource keys of {@code properties} with their values, sorted by key. */
    public static Map<String, Object> resourceProperties(Map<String, ?> properties) {
        Map<String, Object> result = new TreeMap<>();
        properties.forEach((k, v) -> {
            if (!isBookkeeping(k) && v != null) {
                result.put(k, v);
            }
        });
        return result;
    }

    public static ObjectNode toTree(Map<String, ?> properties) throws BindingException {
        Map<String, Object> root = new LinkedHashMap<>();
        for (String key : new TreeSet<>(resourceProperties(properties).keySet())) {
            insert(root, key, properties.get(key));
        }
        return toObject(root, "");
    }

    @SuppressWarnings("unchecked")
    private static void insert(Map<String, Object> root, String key, Object value) throws BindingException {
        String[] segments = key.split("\\.", -1);
        Map<String, Object> current = root;
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty()) {
                throw new BindingException("key '" + key + "' is malformed (empty part between dots)");
            }
            path.append(i == 0 ? "" : ".").append(segment);
            boolean last = i == segments.length - 1;
            Object existing = current.get(segment);
            if (last) {
                if (existing != null) {
                    throw new BindingException("key '" + key + "' conflicts with the keys under '" + key + ".'");
                }
                current.put(segment, value);
            } else if (existing == null) {
                Map<String, Object> child = new LinkedHashMap<>();
                current.put(segment, child);
                current = child;
            } else if (existing instanceof Map<?, ?> map) {
                current = (Map<String, Object>) map;
            } else {
                throw new BindingException("key '" + key + "' conflicts with key '" + path + "'");
            }
        }
    }

    private static JsonNode toNode(Object value, String path) throws BindingException {
        if (value instanceof Map<?, ?> map) {
            boolean anyIndex = map.keySet().stream().anyMatch(k -> INDEX.matcher((String) k).matches());
            boolean allIndex = map.keySet().stream().allMatch(k -> INDEX.matcher((String) k).matches());
            if (anyIndex && !allIndex) {
                throw new BindingException("keys under '" + path + "' mix list indexes and field names");
            }
            return anyIndex ? toArray(map, path) : toObject(map, path);
        }
        return toValue(value, path);
    }

    private static ObjectNode toObject(Map<?, ?> map, String path) throws BindingException {
        ObjectNode node = NODES.objectNode();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = (String) e.getKey();
            node.set(key, toNode(e.getValue(), child(path, key)));
        }
        return node;
    }

    private static ArrayNode toArray(Map<?, ?> map, String path) throws BindingException {
        TreeMap<Integer, Object> byIndex = new TreeMap<>();
        map.forEach((k, v) -> byIndex.put(Integer.parseInt((String) k), v));
        ArrayNode array = NODES.arrayNode();
        int expected = 0;
        for (Map.Entry<Integer, Object> e : byIndex.entrySet()) {
            if (e.getKey() != expected) {
                throw new BindingException("list '" + path + "' has element " + e.getKey() + " but no element "
                        + expected + " (indexes start at 0 and have no gaps)");
            }
            array.add(toNode(e.getValue(), child(path, String.valueOf(expected))));
            expected++;
        }
        return array;
    }

    private static JsonNode toValue(Object value, String path) throws BindingException {
        if (value instanceof String s) {
            return NODES.textNode(s.strip());
        } else if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        } else if (value instanceof BigInteger b) {
            return NODES.numberNode(b);
        } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return NODES.numberNode(new BigDecimal(value.toString()));
        } else if (value instanceof Character c) {
            return NODES.textNode(c.toString());
        } else if (value instanceof Collection<?> c) {
            ArrayNode array = NODES.arrayNode();
            for (Object element : c) {
                array.add(toValue(element, path));
            }
            return array;
        } else if (value != null && value.getClass().isArray()) {
            ArrayNode array = NODES.arrayNode();
            for (int i = 0; i < Array.getLength(value); i++) {
                array.add(toValue(Array.get(value, i), path));
            }
            return array;
        }
        throw new BindingException("'" + path + "' has a value of unsupported type "
                + (value == null ? "null" : value.getClass().getSimpleName()));
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
