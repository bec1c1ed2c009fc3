package org.openpe.frr.internal;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.HashSet;
import java.util.Set;
import org.openpe.frr.FrrException;

/**
 * Root's file operations in a directory the frr user owns ({@code <configDir>/<pathspace>},
 * {@code <logDir>/<pathspace>}), none of which follows a symbolic link: a compromised daemon could
 * otherwise plant one and make root chown or write the file it points to ({@code /etc/shadow}).
 * Everything goes through {@link Dir}, an open descriptor of that directory reached without
 * following a link (openat, fchownat, renameat), so swapping a path component for a link between a
 * check and a use gains nothing. A planted link is refused with an {@link FrrException}.
 */
final class NoFollow {

    private NoFollow() {
    }

    /**
     * {@code <parent>/<name>}, created unless it exists, opened without following a link. {@code parent}
     * itself is root's path (Debian's /etc/frr or /var/log/frr, whose own parent only root can write).
     */
    static Dir directory(Path parent, String name) throws IOException {
        Path path = parent.resolve(name);
        Files.createDirectories(parent);
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectory(path); // mkdir: never follows a link at path
            } catch (FileAlreadyExistsException e) {
                // created meanwhile: what it is gets checked on opening
            }
        }
        SecureDirectoryStream<Path> parentStream = secure(parent);
        try {
            return new Dir(path, parentStream, parentStream.newDirectoryStream(Path.of(name), LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            boolean link = isLink(parentStream, name);
            parentStream.close();
            if (link) {
                throw refused(path);
            }
            throw e;
        }
    }

    private static SecureDirectoryStream<Path> secure(Path dir) throws IOException {
        DirectoryStream<Path> stream = Files.newDirectoryStream(dir);
        if (stream instanceof SecureDirectoryStream<Path> secure) {
            return secure;
        }
        stream.close();
        throw new FrrException("the file system of " + dir + " offers no operations relative to an open directory (openat)");
    }

    private static boolean isLink(SecureDirectoryStream<Path> dir, String name) {
        try {
            return dir.getFileAttributeView(Path.of(name), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes().isSymbolicLink();
        } catch (IOException e) {
            return false;
        }
    }

    private static FrrException refused(Path path) {
        return new FrrException("refusing to use " + path + ": it is a symbolic link, in a directory the frr user can write;"
                + " remove it (someone may have planted it to make root write or chown another file)");
    }

    /** An open frr-owned directory; every operation is relative to it and never follows a link. */
    static final class Dir implements AutoCloseable {
        private final Path path;
        private final SecureDirectoryStream<Path> parent;
        private final SecureDirectoryStream<Path> self;

        private Dir(Path path, SecureDirectoryStream<Path> parent, SecureDirectoryStream<Path> self) {
            this.path = path;
            this.parent = parent;
            this.self = self;
        }

        /** Opens the entry {@code name}; O_NOFOLLOW, so a link there is refused instead of followed. */
        SeekableByteChannel open(String name, Set<? extends OpenOption> options, FileAttribute<?>... attributes) throws IOException {
            Set<OpenOption> noFollow = new HashSet<>(options);
            noFollow.add(LinkOption.NOFOLLOW_LINKS);
            try {
                return self.newByteChannel(Path.of(name), noFollow, attributes);
            } catch (IOException e) {
                if (isLink(self, name)) {
                    throw refused(path.resolve(name));
                }
                throw e;
            }
        }

        void deleteIfExists(String name) throws IOException {
            try {
                self.deleteFile(Path.of(name));
            } catch (NoSuchFileException e) {
                // nothing to delete
            }
        }

        /** Renames {@code from} to {@code to} within the directory, replacing {@code to} (a link there included, not its target). */
        void rename(String from, String to) throws IOException {
            self.move(Path.of(from), self, Path.of(to));
        }

        /** Gives the directory itself to the frr user and group. */
        void chownToFrr() throws IOException {
            chown(parent, path.getFileName().toString(), path);
        }

        /** Gives the entry {@code name} itself to the frr user and group; refuses a link. */
        void chownToFrr(String name) throws IOException {
            chown(self, name, path.resolve(name));
        }

        private static void chown(SecureDirectoryStream<Path> dir, String name, Path path) throws IOException {
            PosixFileAttributeView view = dir.getFileAttributeView(Path.of(name), PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (view.readAttributes().isSymbolicLink()) {
                throw refused(path);
            }
            UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
            UserPrincipal user;
            GroupPrincipal group;
            try {
                user = lookup.lookupPrincipalByName("frr");
                group = lookup.lookupPrincipalByGroupName("frr");
            } catch (IOException e) {
                throw new FrrException("user or group 'frr' is missing: is Debian's frr package installed?", e);
            }
            view.setOwner(user); // fchownat(AT_SYMLINK_NOFOLLOW)
            view.setGroup(group);
        }

        @Override
        public void close() throws IOException {
            try {
                self.close();
            } finally {
                parent.close();
            }
        }
    }
}
