package org.openpe.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.time.Duration;

/** Reads a {@link GoDuration}; a bare number is rejected as in Go (the unit is mandatory). */
final class GoDurationDeserializer extends JsonDeserializer<Duration> {

    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
        }
        try {
            return GoDuration.parse(p.getText());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ctxt.weirdStringException(p.getText(), Duration.class, "not a duration");
        }
    }
}
