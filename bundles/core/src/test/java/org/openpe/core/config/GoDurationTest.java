package org.openpe.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

    @ParameterizedTest
    @CsvSource({"90s,PT1M30S", "1m30s,PT1M30S", "500ms,PT0.5S", "1h,PT1H", "1.5h,PT1H30M", "0,PT0S",
            "2h3m4s5ms,PT2H3M4.005S", "100us,PT0.0001S", "3µs,PT0.000003S", "7ns,PT0.000000007S", ".5s,PT0.5S",
            "-3s,PT-3S"})
    void parsesGoDurations(String text, String iso) {
        assertEquals(Duration.parse(iso), GoDuration.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "90", "s", "1d", "1m30", "1 m", "abc", "1s2", "--1s", "1.2.3s"})
    void rejectsOtherText(String text) {
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"PT1M30S,1m30s", "PT0.5S,500ms", "PT0S,0s", "PT1H,1h0m0s", "PT1M,1m0s", "PT1H0M5S,1h0m5s", "PT3S,3s", "PT1.5S,1.5s"})
    void formatsShortestForm(String iso, String text) {
        assertEquals(text, GoDuration.format(Duration.parse(iso)));
        assertEquals(Duration.parse(iso), GoDuration.parse(text));
    }
}
