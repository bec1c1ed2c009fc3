package org.openpe.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.openpe.core.config.Specs.NodeSpec;

/**
 * Maps config admin properties onto the {@link Specs} records with Jackson: strict about unknown
 * keys and value types, lenient about representation (a number may arrive as a String from a
 * {@code .cfg} file or typed from a {@code .cfg.json} file).
 */
public final class ResourceBinder {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .withCoercionConfig(LogicalType.Integer, c -> c
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .addModule(new SimpleModule().setDeserializerModifier(new CommaLists()))
            .build();

    /** Every {@code List<String>} of a spec, the plugins' included, also takes a comma-separated value. */
    private static final class CommaLists extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                BeanDescription description, JsonDeserializer<?> deserializer) {
            return type.getContentType().hasRawClass(String.class) ? new CommaListDeserializer() : deserializer;
        }
    }

    private ResourceBinder() {}

    public static NodeSpec bindNode(Map<String, ?> properties) throws BindingException {
        return bind(NodeSpec.class, properties);
    }

    /** The spec of a resource; the message of the exception names the key and value (not the resource). */
    public static <T> T bind(Class<T> spec, Map<String, ?> properties) throws BindingException {
        JsonNode tree = PropertyTree.toTree(properties);
        try {
            return MAPPER.treeToValue(tree, spec);
        } catch (UnrecognizedPropertyException e) {
            String key = dotted(e.getPath());
            throw new BindingException("key '" + key + "' is not a known field (known here: "
                    + known(e.getKnownPropertyIds()) + ")");
        } catch (MismatchedInputException e) {
            String key = dotted(e.getPath());
            throw new BindingException("'" + key + "' = " + render(tree.at(pointer(key))) + " "
                    + expectation(e.getTargetType()));
        } catch (JsonMappingException e) {
            throw new BindingException("'" + dotted(e.getPath()) + "' cannot be read: " + e.getOriginalMessage());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new BindingException("cannot be read: " + e.getMessage());
        }
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "?" : ids.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new))
                .stream().collect(Collectors.joining(", "));
    }

    private static String dotted(List<JsonMappingException.Reference> path) {
        return path.stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                .collect(Collectors.joining("."));
    }

    private static String pointer(String dotted) {
        return dotted.isEmpty() ? "" : "/" + dotted.replace("~", "~0").replace("/", "~1").replace('.', '/');
    }

    private static String render(JsonNode value) {
        if (value.isMissingNode()) {
            return "(missing)";
        }
        if (value.isContainerNode()) {
            return "a " + (value.isArray() ? "list" : "group") + " of keys";
        }
        return "'" + value.asText() + "'";
    }

    private static String expectation(Class<?> target) {
        if (target == null) {
            return "has the wrong type";
        } else if (target == Long.class || target == Integer.class || target == long.class || target == int.class) {
            return "is not an integer (or is too large)";
        } else if (target == Boolean.class || target == boolean.class) {
            return "is not a boolean (true or false)";
        } else if (target == Duration.class) {
            return "is not a duration (like 90s, 1m30s or 500ms)";
        } else if (target == String.class) {
            return "is not a single text value";
        } else if (List.class.isAssignableFrom(target)) {
            return "is not a list (write key.0, key.1, ... or a comma-separated value)";
        } else if (target.isRecord()) {
            return "is not a group of keys (write its fields as key.<field>)";
        }
        return "is not a valid " + target.getSimpleName();
    }
}
