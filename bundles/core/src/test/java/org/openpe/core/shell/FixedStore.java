package org.openpe.core.shell;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.openpe.core.config.ResourceKey;
import org.openpe.core.config.ResourceStore.SnapshotListener;
import org.openpe.core.config.ResourceStore;
import org.openpe.core.config.Snapshot;

/** A store whose snapshot never changes, for the commands and completers. */
record FixedStore(Snapshot current) implements ResourceStore {

    @Override
    public CompletableFuture<Snapshot> publishAsOne(Map<String, Map<String, Object>> files, Instant deadline) {
        return CompletableFuture.completedFuture(current);
    }

    @Override
    public Snapshot revalidate() {
        return current;
    }

    @Override
    public void markApplied(Map<ResourceKey, Long> generations) {}

    @Override
    public void addListener(SnapshotListener listener) {}

    @Override
    public void removeListener(SnapshotListener listener) {}
}
