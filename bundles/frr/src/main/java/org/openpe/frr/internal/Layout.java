package org.openpe.frr.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    Path frrLogFile() {
        return settings.pathspaceLogDir().resolve("frr.log");
    }

    /**
     * Creates the configuration and log directories of the pathspace, owned by frr. frr owns their
     * parents too (Debian's /etc/frr, /var/log/frr), so nothing here follows a symbolic link.
     */
    void prepare() {
        try {
            Path config = settings.pathspaceConfigDir();
            NoFollow.createDirectory(config);
            Path vtyshConf = config.resolve("vtysh.conf");
            if (!Files.exists(vtyshConf, LinkOption.NOFOLLOW_LINKS)) {
                try (FileChannel out = NoFollow.open(vtyshConf, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                    out.write(StandardCharsets.UTF_8.encode("service integrated-vtysh-config\n"));
                }
            }
            NoFollow.createDirectory(settings.pathspaceLogDir());
            NoFollow.chownToFrr(config);
            NoFollow.chownToFrr(vtyshConf);
            NoFollow.chownToFrr(settings.pathspaceLogDir());
        } catch (IOException e) {
            throw new FrrException("cannot prepare the directories of FRR pathspace " + settings.pathspace() + ": " + e, e);
        }
    }

    /**
     * Writes a file only root can read (it holds passwords) in the frr-owned pathspace directory:
     * created afresh without following links, written through that one descriptor, renamed into place.
     */
    static void writePrivate(Path file, String text) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try (FileChannel out = NoFollow.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)))) {
                ByteBuffer bytes = StandardCharsets.UTF_8.encode(text);
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new FrrException("cannot write " + file + ": " + e, e);
        }
    }
}
