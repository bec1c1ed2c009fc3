package org.openpe.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A string list written either as a list ({@code nics.0 = a}, a typed array) or comma-separated ({@code nics = a,b}). */
final class CommaListDeserializer extends JsonDeserializer<List<String>> {

    @Override
    public List<String> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return Arrays.stream(p.getText().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            return ctxt.reportInputMismatch(List.class, "expected a list");
        }
        List<String> result = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (!t.isScalarValue() || t == JsonToken.VALUE_NULL) {
                return ctxt.reportInputMismatch(String.class, "expected a name");
            }
            result.add(p.getText().strip());
        }
        return result;
    }
}
