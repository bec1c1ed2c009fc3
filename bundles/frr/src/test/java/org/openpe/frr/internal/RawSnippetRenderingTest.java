package org.openpe.frr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpe.api.frr.FrrConfig;
import org.openpe.api.frr.RawSnippet;

/** Raw snippets: where and in which order they render, how a refusal is blamed, what a plan shows. */
class RawSnippetRenderingTest {

    private final ConfigRenderer renderer = new ConfigRenderer(Path.of("/var/log/frr/perouter/frr.log"));

    private static RawSnippet snippet(String owner, int priority, String text) {
        return new RawSnippet("rawfrrconfig " + owner, "rawConfig", priority, text);
    }

    @Test
    void snippetsComeAfterTheTypedConfigurationByPriorityThenOwner() {
        FrrConfig typed = Configs.underlayOnly();
        FrrConfig config = typed.withRawSnippets(List.of(snippet("b", 10, "log syslog errors"),
                snippet("z", 0, "route-map Z permit 10\n set metric 5\nexit"), snippet("a", 10, "log timestamp precision 3")));
        assertEquals(renderer.render(typed) + """
                ! rawfrrconfig z: 'rawConfig' (priority 0)
                route-map Z permit 10
                 set metric 5
                exit
                !
                ! rawfrrconfig a: 'rawConfig' (priority 10)
                log timestamp precision 3
                !
                ! rawfrrconfig b: 'rawConfig' (priority 10)
                log syslog errors
                !
                """, renderer.render(config));
    }

    @Test
    void theOrderDoesNotDependOnTheDeclarationOrder() {
        List<RawSnippet> snippets = List.of(snippet("b", 1, "log syslog errors"), snippet("a", 1, "log timestamp precision 3"),
                snippet("c", 0, "log syslog warnings"));
        FrrConfig forward = Configs.underlayOnly().withRawSnippets(snippets);
        FrrConfig backward = Configs.underlayOnly().withRawSnippets(List.of(snippets.get(2), snippets.get(1), snippets.get(0)));
        assertEquals(forward, backward);
        assertEquals(renderer.render(forward), renderer.render(backward));
    }

    @Test
    void textIsTrimmedAndAnEmptySnippetOrNegativePriorityIsRefusedNamingTheField() {
        assertEquals("route-map A permit 1\nexit", snippet("a", 0, "\n\nroute-map A permit 1  \r\nexit\n\n").text());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> snippet("a", 0, " \n \n"));
        assertTrue(empty.getMessage().contains("rawfrrconfig a: 'rawConfig' is empty"), empty.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> snippet("a", -1, "log syslog"));
        assertTrue(negative.getMessage().contains("must be 0 or more, got -1"), negative.getMessage());
    }

    @Test
    void passwordsInSnippetsAreMaskedForDisplayOnly() {
        FrrConfig config = Configs.underlayOnly().withRawSnippets(List.of(snippet("a", 0,
                "router bgp 64514\n neighbor 192.168.11.2 password s3cret\nexit")));
        assertTrue(renderer.render(config).contains("password s3cret"));
        assertTrue(renderer.renderForDisplay(config).contains(" neighbor 192.168.11.2 password ****\n"));
    }

    @Test
    void aRefusalIsBlamedOnTheSnippetHoldingTheLineVtyshNumbered() {
        RawSnippet good = snippet("good", 0, "route-map G permit 10\nexit");
        RawSnippet bad = snippet("bad", 5, "log syslog errors\nfrobnicate the router");
        FrrConfig config = Configs.underlayOnly().withRawSnippets(List.of(good, bad));
        String text = renderer.render(config);
        int badLine = text.lines().toList().indexOf("frobnicate the router") + 1;
        String blamed = RawSnippetBlame.blame(config, renderer, "line " + badLine + ": % Unknown command: frobnicate the router");
        assertEquals("rawfrrconfig bad: FRR refused 'rawConfig' at its line 2 ('frobnicate the router'): line " + badLine
                + ": % Unknown command: frobnicate the router", blamed);
    }

    @Test
    void aRefusalWithoutLineNumbersIsBlamedOnTheSnippetItQuotes() {
        RawSnippet good = snippet("good", 0, "route-map G permit 10\nexit");
        RawSnippet bad = snippet("bad", 0, "router bgp 1\nexit");
        FrrConfig config = Configs.underlayOnly().withRawSnippets(List.of(good, bad));
        String output = "Failed to execute router bgp 1: % BGP is already running; AS is 64514";
        assertTrue(RawSnippetBlame.blame(config, renderer, output).startsWith(
                "rawfrrconfig bad: FRR refused 'rawConfig' at its line 1 ('router bgp 1'): Failed"));
        assertEquals("line 3: % Unknown command: foo", RawSnippetBlame.blame(config, renderer, "line 3: % Unknown command: foo"),
                "a line of the typed configuration blames no snippet");
    }

    @Test
    void aPlanShowsTheSnippetsAddedAndRemoved() {
        RawSnippet kept = snippet("kept", 0, "log syslog errors");
        RawSnippet added = snippet("added", 1, "route-map A permit 10\nexit");
        RawSnippet dropped = snippet("dropped", 2, "route-map D permit 10\nexit");
        FrrConfig from = Configs.underlayOnly().withRawSnippets(List.of(kept, dropped));
        FrrConfig to = Configs.underlayOnly().withRawSnippets(List.of(kept, added));
        assertEquals(List.of("! raw snippet of rawfrrconfig added (priority 1), through frr-reload:", "route-map A permit 10",
                "exit", "! raw snippet of rawfrrconfig dropped (priority 2) removed: frr-reload removes its lines"),
                FrrDelta.forDisplay(from, to, renderer));
        assertEquals(List.of(), FrrDelta.forDisplay(from, from, renderer));
        assertEquals(List.of(), FrrDelta.between(from, to, renderer).commands(), "snippets are never sent as a delta");
    }

    @Test
    void theRouteMapsAndPrefixListsOfSnippetsAreWhatABgpdRestartNeedsBack() {
        FrrConfig config = Configs.underlayOnly().withRawSnippets(List.of(snippet("a", 0,
                "ip prefix-list P seq 5 permit 10.0.0.0/8\nroute-map A permit 10\n match ip address prefix-list P\nexit\n"
                        + "bgp community-list standard C seq 5 permit 1:1\nroute-map B deny 20"),
                snippet("b", 1, "ipv6 prefix-list Q seq 5 permit 2001:db8::/32\nlog syslog errors")));
        assertEquals(List.of("ip prefix-list P seq 5 permit 10.0.0.0/8", "route-map A permit 10",
                " match ip address prefix-list P", "exit", "route-map B deny 20", "exit",
                "ipv6 prefix-list Q seq 5 permit 2001:db8::/32"), renderer.rawPolicies(config));
    }
}
