package org.openpe.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CfgFilesTest {

    @TempDir
    Path dir;

    @Test
    void writtenFilesAreReadableByTheOwnerOnlyAndReadBackAsWritten() throws Exception {
        Path file = dir.resolve("org.openpe.underlay-fabric.cfg");
        Files.writeString(file, "old = 1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        CfgFiles.write(file, CfgFiles.render("imported", Map.of("neighbors.0.password", "s3cret x")));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(Map.of("neighbors.0.password", "s3cret x"), CfgFiles.read(file));
    }

    @Test
    void aCarriageReturnInTheCommentCannotStartAKeyLine() throws Exception {
        Path file = dir.resolve("x.cfg");
        CfgFiles.write(file, CfgFiles.render("from manifest red\rasn = 1", Map.of("vni", "100")));

        assertEquals(Map.of("vni", "100"), CfgFiles.read(file));
    }
}
