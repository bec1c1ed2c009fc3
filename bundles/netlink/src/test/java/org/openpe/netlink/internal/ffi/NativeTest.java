package org.openpe.netlink.internal.ffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeTest {
    @Test
    void libcIsReachable() {
        assertEquals("Operation not permitted", Native.libc().strerror(1));
    }

    /** In a fresh JVM (libc loads once per class loader): the extraction directory is created before loading. */
    @Test
    void jffiExtractDirIsCreatedBeforeLoading(@TempDir Path temp) throws Exception {
        Path extractDir = temp.resolve("data").resolve("jffi");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Djffi.extract.dir=" + extractDir,
                "-cp", System.getProperty("java.class.path"), Probe.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "probe JVM hangs");
        assertEquals(0, child.exitValue(), out);
        assertTrue(out.contains("Operation not permitted"), out);
        assertTrue(Files.isDirectory(extractDir), "missing " + extractDir + File.separator);
    }

    /** Loads libc through {@link Native} and prints a libc string. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println(Native.libc().strerror(1));
        }
    }
}
