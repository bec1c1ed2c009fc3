package org.openpe.itests.vm;

import org.openpe.itests.support.Shell;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** A network namespace with a unique name, created for one test and deleted on close. */
public final class ScratchNamespace implements AutoCloseable {

    private final String name;

    private ScratchNamespace(String name) {
        this.name = name;
    }

    /** Creates {@code <prefix>-<random>} with its loopback up. */
    public static ScratchNamespace create(String prefix) {
        String name = prefix + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
        Shell.ok("ip", "netns", "add", name);
        ScratchNamespace namespace = new ScratchNamespace(name);
        namespace.ip("link", "set", "lo", "up");
        return namespace;
    }

    /** Takes charge of a namespace someone else created (e.g. OpenPE's router namespace), to delete it on close. */
    public static ScratchNamespace adopt(String name) {
        return new ScratchNamespace(name);
    }

    public String name() {
        return name;
    }

    /** Runs {@code ip -n <name> <args>}, failing on a non-zero exit. */
    public String ip(String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "-n", name));
        command.addAll(List.of(args));
        return Shell.run(command).orFail();
    }

    /** Runs a command inside the namespace (network namespace only, see nsenter). */
    public Shell.Result exec(String... command) {
        List<String> full = new ArrayList<>(List.of("nsenter", "--net=/var/run/netns/" + name, "--"));
        full.addAll(List.of(command));
        return Shell.run(full);
    }

    @Override
    public void close() {
        Shell.run("ip", "netns", "del", name);
    }
}
