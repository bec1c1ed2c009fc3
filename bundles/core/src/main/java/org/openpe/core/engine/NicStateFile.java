package org.openpe.core.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.openpe.core.engine.kernel.NicRoute;

/**
 * The NICs OpenPE moved, in one file for the runtime (each record names its namespace). Every
 * write goes to a new file that is synced and then renamed over the old one, so a crash or a full
 * disk leaves either the previous state or the new one, never a torn file.
 */
final class NicStateFile {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** The file as stored: plain types only. */
    private record Stored(List<StoredNic> nics) {}

    private record StoredNic(String nic, String namespace, MovedNic.Phase phase, List<String> addresses,
            List<StoredRoute> routes) {}

    private record StoredRoute(String destination, String gateway, int table, int protocol, int metric) {}

    /** What was read, and why nothing could be, when the file was unreadable. */
    record Loaded(List<MovedNic> nics, Optional<String> problem) {}

    private final Path file;

    NicStateFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /**
     * Reads the records. An unreadable file (truncated, edited) is set aside as {@code <file>.corrupt}
     * and read as empty, with the reason: the records are lost, nothing is torn down.
     */
    Loaded load() {
        if (!Files.exists(file)) {
            return new Loaded(List.of(), Optional.empty());
        }
        try {
            Stored stored = JSON.readValue(file.toFile(), Stored.class);
            return new Loaded(stored.nics().stream().map(NicStateFile::toMovedNic).toList(), Optional.empty());
        } catch (IOException | RuntimeException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
            String problem = "cannot read " + file + " (" + e.getMessage().lines().findFirst().orElse("") + ")";
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                problem += "; set aside as " + aside;
            } catch (IOException moveFailed) {
                problem += "; cannot set it aside either: " + moveFailed.getMessage();
            }
            return new Loaded(List.of(), Optional.of(problem));
        }
    }

    /** Replaces the records atomically; an error (a full disk) leaves the previous file whole. */
    void save(List<MovedNic> nics) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(temp);
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                    new Stored(nics.stream().map(NicStateFile::toStored).toList()));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                directory.force(true);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the write failed already; that is the error to report
            }
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static MovedNic toMovedNic(StoredNic s) {
        if (s.nic() == null || s.namespace() == null || s.phase() == null) {
            throw new IllegalArgumentException("a record lacks its nic, namespace or phase");
        }
        return new MovedNic(s.nic(), s.namespace(), s.phase(), nonNull(s.addresses()),
                nonNull(s.routes()).stream().map(r -> new NicRoute(r.destination(), Optional.ofNullable(r.gateway()),
                        r.table(), r.protocol(), r.metric())).toList());
    }

    private static StoredNic toStored(MovedNic m) {
        return new StoredNic(m.nic(), m.namespace(), m.phase(), m.addresses(), m.routes().stream()
                .map(r -> new StoredRoute(r.destination(), r.gateway().orElse(null), r.table(), r.protocol(), r.metric()))
                .toList());
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
