package org.openpe.frr.internal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
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

    /** Creates the configuration and log directories of the pathspace, owned by frr. */
    void prepare() {
        try {
            Path config = settings.pathspaceConfigDir();
            Files.createDirectories(config);
            Path vtyshConf = config.resolve("vtysh.conf");
            if (!Files.exists(vtyshConf)) {
                Files.writeString(vtyshConf, "service integrated-vtysh-config\n");
            }
            Files.createDirectories(settings.pathspaceLogDir());
            chownToFrr(config);
            chownToFrr(vtyshConf);
            chownToFrr(settings.pathspaceLogDir());
        } catch (IOException e) {
            throw new FrrException("cannot prepare the directories of FRR pathspace " + settings.pathspace() + ": " + e, e);
        }
    }

    /** Writes a file only root can read: it holds passwords. */
    static void writePrivate(Path file, String text) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(Set.of(
                    PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE)));
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new FrrException("cannot write " + file + ": " + e, e);
        }
    }

    private static void chownToFrr(Path path) throws IOException {
        UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        UserPrincipal user;
        GroupPrincipal group;
        try {
            user = lookup.lookupPrincipalByName("frr");
            group = lookup.lookupPrincipalByGroupName("frr");
        } catch (IOException e) {
            throw new FrrException("user or group 'frr' is missing: is Debian's frr package installed?", e);
        }
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(user);
        view.setGroup(group);
    }
}
