package org.openpe.netlink.internal.ffi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/** Loads libc once, after making sure jffi's stub extraction directory exists. */
public final class Native {
    /** System property naming the (exec-mounted) directory jffi extracts its native stub into. */
    static final String JFFI_EXTRACT_DIR = "jffi.extract.dir";

    private static final class Holder {
        static final LibC LIBC = load();
        static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
    }

    private Native() {
    }

    public static LibC libc() {
        return Holder.LIBC;
    }

    /** errno of the last libc call made by the calling thread. */
    public static int errno() {
        return Holder.RUNTIME.getLastError();
    }

    private static LibC load() {
        String extractDir = System.getProperty(JFFI_EXTRACT_DIR);
        if (extractDir != null && !extractDir.isBlank()) {
            try {
                Files.createDirectories(Path.of(extractDir));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + JFFI_EXTRACT_DIR + " " + extractDir, e);
            }
        }
        return LibraryLoader.create(LibC.class).load("c");
    }
}
