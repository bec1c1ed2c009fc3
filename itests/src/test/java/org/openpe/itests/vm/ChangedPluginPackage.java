package org.openpe.itests.vm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openpe.itests.support.Shell;

/**
 * The upgrade of a built openpe .deb in which one plugin changed, made in seconds on the host without
 * a second Maven build: the package unpacked with dpkg-deb, the passthrough bundle's Bundle-Version
 * given the qualifier {@value #QUALIFIER} (its jar rewritten with that manifest, so its content
 * differs too, at the same Maven location, as a rebuilt SNAPSHOT would), its md5sum updated, the
 * package's version raised to {@code <version>+upgrade1}, and packed again. dpkg-deb only reads and
 * writes files here: nothing is installed on the host.
 */
final class ChangedPluginPackage {

    static final String QUALIFIER = "upgrade1";
    private static final Pattern MD5SUM = Pattern.compile("^[0-9a-f]{32}");

    private ChangedPluginPackage() {
    }

    /** The passthrough bundle's new Bundle-Version and the package that ships it. */
    record Built(Path deb, String bundleVersion) {
    }

    static Built from(Path original, Path workDirectory) throws IOException {
        Shell.ok("rm", "-rf", workDirectory.toString());
        Path tree = Files.createDirectories(workDirectory).resolve("tree");
        Shell.run("dpkg-deb", "--raw-extract", original.toString(), tree.toString()).orFail();

        Path jar;
        try (var jars = Files.find(tree.resolve("opt/openpe/system/org/openpe/passthrough"), 2,
                (path, attributes) -> path.toString().endsWith(".jar"))) {
            jar = jars.findFirst().orElseThrow(() -> new IllegalStateException("no passthrough bundle in " + original));
        }
        String bundleVersion = rewriteBundleVersion(jar);

        Path md5sums = tree.resolve("DEBIAN/md5sums");
        String jarEntry = tree.relativize(jar).toString();
        String md5 = Shell.ok("md5sum", jar.toString()).substring(0, 32);
        Files.writeString(md5sums, Files.readString(md5sums).lines()
                .map(line -> line.endsWith("  " + jarEntry) ? MD5SUM.matcher(line).replaceFirst(md5) : line)
                .reduce("", (all, line) -> all + line + "\n"));

        Path control = tree.resolve("DEBIAN/control");
        Matcher version = Pattern.compile("(?m)^Version: (.+)$").matcher(Files.readString(control));
        if (!version.find()) {
            throw new IllegalStateException("no Version in " + control);
        }
        String upgraded = version.group(1) + "+upgrade1";
        Files.writeString(control, version.replaceFirst("Version: " + Matcher.quoteReplacement(upgraded)));

        Path deb = workDirectory.resolve("openpe_" + upgraded + "_all.deb");
        Shell.run("dpkg-deb", "--root-owner-group", "-Zgzip", "-z1", "--build", tree.toString(), deb.toString()).orFail();
        Shell.ok("rm", "-rf", tree.toString());
        return new Built(deb, bundleVersion);
    }

    /** Writes the jar again with the qualifier of its Bundle-Version replaced; the manifest stays first. */
    private static String rewriteBundleVersion(Path jar) throws IOException {
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".new");
        String bundleVersion;
        try (JarFile in = new JarFile(jar.toFile())) {
            Manifest manifest = in.getManifest();
            String[] parts = manifest.getMainAttributes().getValue("Bundle-Version").split("\\.");
            bundleVersion = parts[0] + "." + parts[1] + "." + parts[2] + "." + QUALIFIER;
            manifest.getMainAttributes().putValue("Bundle-Version", bundleVersion);
            try (OutputStream file = Files.newOutputStream(rewritten); JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry entry : Collections.list(in.entries())) {
                    if (entry.getName().equals(JarFile.MANIFEST_NAME) || entry.getName().equals("META-INF/")) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream content = in.getInputStream(entry)) {
                        content.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
        return bundleVersion;
    }
}
