package org.openpe.frr.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.openpe.frr.FrrException;
import org.openpe.frr.FrrSettings;

/**
 * The pathspace's directories. frr-reload.py persists every reload through {@code vtysh write},
 * so {@code <configDir>/<pathspace>} must exist, carry {@code vtysh.conf} with the integrated
 * configuration, and belong to frr.
 */
final class Layout {

    static final String CANDIDATE = "openpe-candidate.conf";
    static final String ROLLBACK = "openpe-rollback.conf";

    private final FrrSettings settings;

    Layout(FrrSettings settings) {
        this.settings = settings;
    }

    Path candidateFile() {
        return settings.pathspaceConfigDir().resolve(CANDIDATE);
    }

    Path rollbackFile() {
        return settings.pathspaceConfigDir().resolve(ROLLBACK);
    }

    /**
     * {@code <configDir>/<pathspace>/frr.conf}, FRR's integrated configuration: frr-reload persists
     * it after a reload, the delta path writes it after a delta.
     */
    Path persistedFile() {
        return settings.pathspaceConfigDir().resolve("frr.conf");
    }

    Path frrLogFile() {
        return settings.pathspaceLogDir().resolve("frr.log");
    }

    /**
     * Creates the configuration and log directories of the pathspace, owned by frr. frr owns their
     * parents too (Debian's /etc/frr, /var/log/frr), so nothing here follows a symbolic link.
     */
    void prepare() {
        try {
            try (NoFollow.Dir config = NoFollow.directory(settings.configDir(), settings.pathspace())) {
                try (SeekableByteChannel out = config.open("vtysh.conf", Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                    out.write(StandardCharsets.UTF_8.encode("service integrated-vtysh-config\n"));
                } catch (FileAlreadyExistsException e) {
                    // kept: frr may have written it; a link there is refused by the chown below
                }
                config.chownToFrr("vtysh.conf");
                config.chownToFrr();
            }
            try (NoFollow.Dir log = NoFollow.directory(settings.logDir(), settings.pathspace())) {
                log.chownToFrr();
            }
        } catch (IOException e) {
            throw new FrrException("cannot prepare the directories of FRR pathspace " + settings.pathspace() + ": " + e, e);
        }
    }

    /**
     * Writes a file only root can read (it holds passwords) in the frr-owned pathspace directory
     * {@code file.getParent()}: created afresh next to it, renamed into place, never through a link.
     */
    static void writePrivate(Path file, String text) {
        Path dir = file.getParent();
        String name = file.getFileName().toString();
        String tmp = name + ".tmp";
        try (NoFollow.Dir pathspace = NoFollow.directory(dir.getParent(), dir.getFileName().toString())) {
            pathspace.deleteIfExists(tmp);
            try (SeekableByteChannel out = pathspace.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)))) {
                ByteBuffer bytes = StandardCharsets.UTF_8.encode(text);
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
            }
            pathspace.rename(tmp, name);
        } catch (IOException e) {
            throw new FrrException("cannot write " + file + ": " + e, e);
        }
    }
}
