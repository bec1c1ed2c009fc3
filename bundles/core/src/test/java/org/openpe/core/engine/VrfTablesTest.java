package org.openpe.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VrfTablesTest {

    @Test
    void existingVrfsKeepTheirTablesAndNewOnesTakeTheLowestFree() {
        VrfTables tables = new VrfTables(Map.of("red", 1000, "blue", 1002));
        assertEquals(1000, tables.tableOf("red"));
        assertEquals(1001, tables.tableOf("green"));
        assertEquals(1003, tables.tableOf("white"));
        assertEquals(1001, tables.tableOf("green"));
        assertEquals(1002, tables.tableOf("blue"));
    }
}
