package org.openpe.frr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpe.frr.FrrException;
import org.openpe.frr.FrrSettings;

/**
 * H7: the pathspace directories belong to frr, so a compromised daemon can plant symbolic links
 * there. Root must never chown or write through one: each planted link is refused, and the file or
 * directory it points to stays root's, unchanged. Against the real file system, as root with
 * Debian's frr user (the FRR tier's requirements).
 */
class PlantedSymlinkTest {

    private Path root;
    private Path victimFile;
    private Path victimDir;
    private FrrSettings settings;

    @BeforeEach
    void createRoots() throws IOException {
        FrrTestSupport.assumeFrrAvailable();
        root = Files.createTempDirectory("openpe-symlink");
        victimFile = Files.writeString(root.resolve("shadow"), "root:secret\n");
        Files.setPosixFilePermissions(victimFile, PosixFilePermissions.fromString("rw-------"));
        victimDir = Files.createDirectory(root.resolve("root-only"));
        settings = FrrSettings.forNamespace(FrrTestSupport.uniqueName("sym-")).withConfigDir(root.resolve("etc-frr"))
                .withLogDir(root.resolve("log-frr")).withRunDir(root.resolve("run-frr"));
        Files.createDirectories(settings.configDir());
        Files.createDirectories(settings.logDir());
    }

    @AfterEach
    void deleteRoots() throws IOException {
        if (root == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void aPathspaceDirectoryThatIsALinkIsRefused() throws IOException {
        Files.createSymbolicLink(settings.pathspaceConfigDir(), victimDir);

        FrrException refused = assertThrows(FrrException.class, () -> new Layout(settings).prepare());

        assertTrue(refused.getMessage().contains("symbolic link"), refused.getMessage());
        assertRootsOwn(victimDir);
        assertFalse(Files.exists(victimDir.resolve("vtysh.conf")), "vtysh.conf written through the link");
    }

    @Test
    void aLogDirectoryThatIsALinkIsRefused() throws IOException {
        Files.createSymbolicLink(settings.pathspaceLogDir(), victimDir);

        FrrException refused = assertThrows(FrrException.class, () -> new Layout(settings).prepare());

        assertTrue(refused.getMessage().contains("symbolic link"), refused.getMessage());
        assertRootsOwn(victimDir);
    }

    @Test
    void aVtyshConfThatIsALinkIsRefused() throws IOException {
        new Layout(settings).prepare();
        Path vtyshConf = settings.pathspaceConfigDir().resolve("vtysh.conf");
        Files.delete(vtyshConf);
        Files.createSymbolicLink(vtyshConf, victimFile);

        FrrException refused = assertThrows(FrrException.class, () -> new Layout(settings).prepare());

        assertTrue(refused.getMessage().contains("symbolic link"), refused.getMessage());
        assertRootsOwn(victimFile);
        assertEquals("root:secret\n", Files.readString(victimFile));
    }

    @Test
    void aPreparedPathspaceBelongsToFrr() throws IOException {
        new Layout(settings).prepare();

        for (Path p : new Path[] {settings.pathspaceConfigDir(), settings.pathspaceConfigDir().resolve("vtysh.conf"),
                settings.pathspaceLogDir()}) {
            assertEquals("frr", Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName(), p.toString());
        }
        assertEquals("service integrated-vtysh-config\n", Files.readString(settings.pathspaceConfigDir().resolve("vtysh.conf")));
    }

    @Test
    void aPrivateFileIsWrittenPastPlantedLinksAndReadableByRootOnly() throws IOException {
        new Layout(settings).prepare();
        Layout layout = new Layout(settings);
        Path candidate = layout.candidateFile();
        Files.createSymbolicLink(candidate, victimFile);
        Files.createSymbolicLink(candidate.resolveSibling(candidate.getFileName() + ".tmp"), victimFile);

        Layout.writePrivate(candidate, "neighbor 192.0.2.1 password s3cret\n");

        assertEquals("root:secret\n", Files.readString(victimFile));
        assertFalse(Files.isSymbolicLink(candidate));
        assertEquals("neighbor 192.0.2.1 password s3cret\n", Files.readString(candidate));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(candidate)));
    }

    @Test
    void aStartLogThatIsALinkIsRefusedBeforeAnythingRuns() throws IOException {
        FrrTestSupport.createNamespace(settings);
        try {
            new Layout(settings).prepare();
            Files.createSymbolicLink(settings.pathspaceLogDir().resolve("zebra.start.log"), victimFile);

            FrrException refused = assertThrows(FrrException.class, () -> new Daemons(settings).start("zebra"));

            assertTrue(refused.getMessage().contains("symbolic link"), refused.getMessage());
            assertEquals("root:secret\n", Files.readString(victimFile));
            assertTrue(new Daemons(settings).runningPid("zebra").isEmpty(), "zebra was started");
        } finally {
            FrrTestSupport.destroy(settings);
        }
    }

    private static void assertRootsOwn(Path path) throws IOException {
        assertEquals("root", Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName(), path + " was chowned");
    }
}
