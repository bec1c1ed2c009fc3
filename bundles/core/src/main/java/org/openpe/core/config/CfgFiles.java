package org.openpe.core.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** Reads and writes {@code .cfg} files in the properties format FileInstall reads. */
public final class CfgFiles {

    private CfgFiles() {}

    public static Map<String, Object> read(Path file) throws ImportException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ImportException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return sorted(properties);
    }

    /** The properties of a {@code .cfg} file's text. */
    public static Map<String, Object> parse(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new java.io.StringReader(text));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sorted(properties);
    }

    private static Map<String, Object> sorted(Properties properties) {
        Map<String, Object> result = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(k -> result.put(k, properties.getProperty(k)));
        return result;
    }

    /** The text of a {@code .cfg} file: a comment, then {@code key = value} lines in the given order. */
    public static String render(String comment, Map<String, String> properties) {
        StringWriter out = new StringWriter();
        out.write("# " + comment.replace('\n', ' ').replace('\r', ' ') + "\n");
        properties.forEach((k, v) -> out.write(escape(k, true) + " = " + escape(v, false) + "\n"));
        return out.toString();
    }

    /**
     * Writes atomically (FileInstall never sees half a file), readable by the owner only: a resource's
     * file may hold BGP passwords.
     */
    public static void write(Path file, String content) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        try (SeekableByteChannel out = Files.newByteChannel(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(content);
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String escape(String text, boolean key) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case ' ' -> sb.append(key || i == 0 ? "\\ " : " ");
                case '=', ':', '#', '!' -> sb.append(key ? "\\" + c : String.valueOf(c));
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
