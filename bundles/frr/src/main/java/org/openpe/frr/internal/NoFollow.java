package org.openpe.frr.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Set;
import org.openpe.frr.FrrException;

/**
 * File operations of root in the directories the frr user owns, none of which follows a symbolic
 * link: a compromised daemon could otherwise plant one there and make root chown or write the file
 * it points to ({@code /etc/shadow}). A planted link is refused with an {@link FrrException}.
 */
final class NoFollow {

    private NoFollow() {
    }

    /** Creates {@code dir} (and its parents) unless it exists; refuses a symbolic link or a non-directory. */
    static void createDirectory(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir);
        }
        BasicFileAttributes attributes = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink()) {
            throw refused(dir);
        }
        if (!attributes.isDirectory()) {
            throw new FrrException(dir + " is not a directory");
        }
    }

    /** Opens {@code file} for writing; O_NOFOLLOW, so a symbolic link is refused instead of followed. */
    static FileChannel open(Path file, Set<? extends OpenOption> options, FileAttribute<?>... attributes) throws IOException {
        Set<OpenOption> noFollow = new java.util.HashSet<>(options);
        noFollow.add(LinkOption.NOFOLLOW_LINKS);
        try {
            return FileChannel.open(file, noFollow, attributes);
        } catch (IOException e) {
            if (Files.isSymbolicLink(file)) {
                throw refused(file);
            }
            throw e;
        }
    }

    /** Appends to {@code file}, creating it. */
    static FileChannel openForAppend(Path file) throws IOException {
        return open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
    }

    /** Gives {@code path} itself (lchown, never a link's target) to the frr user and group; refuses a symbolic link. */
    static void chownToFrr(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
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
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        view.setOwner(user);
        view.setGroup(group);
    }

    private static FrrException refused(Path path) {
        return new FrrException("refusing to use " + path + ": it is a symbolic link, in a directory the frr user can write;"
                + " remove it (someone may have planted it to make root write or chown another file)");
    }
}
