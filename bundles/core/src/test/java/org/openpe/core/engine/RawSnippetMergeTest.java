package org.openpe.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpe.api.Contribution;
import org.openpe.api.Reconciler;
import org.openpe.api.ResourceType;
import org.openpe.api.frr.FrrFragment;
import org.openpe.api.frr.RawSnippet;
import org.openpe.api.model.Resource;

/** The raw snippets of every contribution reach the assembled FRR configuration, in their order. */
class RawSnippetMergeTest {

    private static final ResourceType SNIPPETS = new ResourceType("snippets", "Snippets");

    private record Snippet(String name, int priority) implements Resource {
        @Override
        public ResourceType type() {
            return SNIPPETS;
        }
    }

    @Test
    void everyContributionsSnippetsAreAssembledByPriority() {
        Reconciler plugin = (resource, node) -> {
            Snippet s = (Snippet) resource;
            return new Contribution(List.of(), FrrFragment.raw(new RawSnippet("snippets " + s.name(), "text", s.priority(),
                    "route-map " + s.name() + " permit 10")));
        };
        DesiredState state = new DesiredStateBuilder(3, "perouter", "informational",
                t -> Optional.ofNullable(Map.of(SNIPPETS, plugin).get(t)), new VrfTables(Map.of()))
                .build(List.of(new Snippet("late", 9), new Snippet("early", 1)));

        assertEquals(List.of("route-map early permit 10", "route-map late permit 10"),
                state.frr().rawSnippets().stream().map(RawSnippet::text).toList());
    }
}
