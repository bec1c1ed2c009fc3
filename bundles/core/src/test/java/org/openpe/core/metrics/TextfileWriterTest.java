package org.openpe.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextfileWriterTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheFileWholeAndReadableByAll() throws Exception {
        Path target = dir.resolve("openpe.prom");
        Files.writeString(target, "old\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        TextfileWriter.write(target, "openpe_test 1.0\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("openpe_test 1.0\n", Files.readString(target));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }
}
