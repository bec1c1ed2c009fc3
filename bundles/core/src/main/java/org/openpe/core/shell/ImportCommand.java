package org.openpe.core.shell;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.openpe.core.config.CfgFiles;
import org.openpe.core.config.ImportedResource;
import org.openpe.core.config.YamlImporter;
import org.openpe.core.definition.Definitions;

@Service
@Command(scope = "openpe", name = "import",
        description = "Imports the reference project's Kubernetes YAML manifests as .cfg files (by default into Karaf's etc/)")
public class ImportCommand extends OpenpeCommand {

    @Argument(index = 0, name = "file", required = true, description = "A YAML file, possibly with several documents")
    @Completion(FileCompleter.class)
    String file;

    @Argument(index = 1, name = "options", multiValued = true,
            description = "Options may also follow the arguments")
    List<String> trailing;

    @Option(name = "--dir", description = "Where to write the .cfg files (default: Karaf's etc directory)")
    String dir;

    @Reference
    Definitions definitions;

    @Option(name = "--force", description = "Overwrite existing files")
    boolean force;

    @Override
    List<String> trailing() {
        return trailing == null ? List.of() : trailing;
    }

    @Override
    boolean applyOption(String option, Iterator<String> rest) {
        if (option.equals("--force")) {
            force = true;
            return true;
        }
        if (option.equals("--dir") && rest.hasNext()) {
            dir = rest.next();
            return true;
        }
        return super.applyOption(option, rest);
    }

    @Override
    void run(PrintStream out) throws Exception {
        Path target = targetDirectory();
        List<ImportedResource> resources = YamlImporter.read(Path.of(file), definitions);
        Set<String> names = new HashSet<>();
        for (ImportedResource r : resources) {
            if (!names.add(r.fileName())) {
                throw new IllegalArgumentException(file + ": " + r.type().kind() + " '" + r.name() + "' appears twice");
            }
        }
        List<Path> existing = resources.stream().map(r -> target.resolve(r.fileName())).filter(Files::exists).toList();
        if (!existing.isEmpty() && !force) {
            throw new IllegalStateException("refusing to overwrite " + existing + " (use --force)");
        }
        ArrayNode written = JSON.createArrayNode();
        for (ImportedResource r : resources) {
            Path path = target.resolve(r.fileName());
            CfgFiles.write(path, CfgFiles.render("Imported from " + r.origin() + ": " + r.type().kind() + " " + r.name(),
                    r.properties()));
            ObjectNode row = written.addObject();
            row.put("type", r.type().id());
            row.put("name", r.name());
            row.put("file", path.toString());
            if (!json) {
                out.println("wrote " + path + " (" + r.type().kind() + " " + r.name() + ", " + r.properties().size()
                        + " keys)");
            }
        }
        if (json) {
            printJson(out, written);
        } else if (resources.isEmpty()) {
            out.println(file + " contains no resources");
        }
    }

    private Path targetDirectory() {
        String path = dir != null ? dir : System.getProperty("karaf.etc");
        if (path == null) {
            throw new IllegalArgumentException("no --dir given and karaf.etc is not set");
        }
        Path target = Path.of(path);
        if (!Files.isDirectory(target)) {
            throw new IllegalArgumentException(target + " is not a directory");
        }
        return target;
    }
}
