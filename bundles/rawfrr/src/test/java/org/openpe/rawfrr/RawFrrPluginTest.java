package org.openpe.rawfrr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.openpe.api.Contribution;
import org.openpe.api.definition.Problems;
import org.openpe.api.frr.RawSnippet;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class RawFrrPluginTest {

    private final RawFrrDefinition definition = new RawFrrDefinition();

    private RawFrrConfig resource(Long priority, String rawConfig, Problems problems) {
        return definition.resource("communities", new RawFrrConfigSpec(priority, rawConfig), problems, OptionalInt.of(0));
    }

    @Test
    void theTypeIsUpstreamsRawFrrConfigUnderItsFactoryPid() {
        assertEquals("org.openpe.rawfrrconfig", definition.type().factoryPid());
        assertEquals("RawFRRConfig", definition.type().kind());
    }

    @Test
    void priorityDefaultsToZeroAndTheTextBecomesTheSnippetOfTheResource() {
        Problems problems = new Problems("rawfrrconfig communities");
        RawFrrConfig config = resource(null, "bgp community-list standard C seq 5 permit 64512:1\n", problems);
        assertTrue(problems.isEmpty(), problems.messages().toString());
        assertEquals(0, config.priority());
        Contribution contribution = new RawFrrReconciler().contribute(config, null);
        assertEquals(List.of(), contribution.kernel());
        assertEquals(List.of(new RawSnippet("rawfrrconfig communities", "rawConfig", 0,
                "bgp community-list standard C seq 5 permit 64512:1")), contribution.frr().rawSnippets());
        assertEquals(Map.of("priority", 0, "rawConfig", "bgp community-list standard C seq 5 permit 64512:1"),
                definition.view(config));
    }

    @Test
    void aMissingOrEmptyTextAndANegativePriorityAreProblemsNamingTheKey() {
        Problems missing = new Problems("rawfrrconfig communities");
        assertNull(resource(5L, null, missing));
        assertEquals(List.of("rawfrrconfig communities: 'rawConfig' is required"), missing.messages());

        Problems empty = new Problems("rawfrrconfig communities");
        assertNull(resource(null, " \n ", empty));
        assertEquals(List.of("rawfrrconfig communities: 'rawConfig' is empty: a raw FRR snippet needs at least one line"),
                empty.messages());

        Problems negative = new Problems("rawfrrconfig communities");
        assertNull(resource(-1L, "log syslog", negative));
        assertEquals(List.of("rawfrrconfig communities: 'priority' = -1 is out of range 0..2147483647"), negative.messages());
    }

    @Test
    void theMetatypeDescribesEveryKeyOfTheSpec() throws Exception {
        try (InputStream in = RawFrrPluginTest.class.getResourceAsStream("/OSGI-INF/metatype/org.openpe.rawfrrconfig.xml")) {
            NodeList ads = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getElementsByTagName("AD");
            Set<String> keys = new TreeSet<>();
            for (int i = 0; i < ads.getLength(); i++) {
                keys.add(((Element) ads.item(i)).getAttribute("id"));
            }
            Set<String> expected = new TreeSet<>(Set.of("name"));
            Arrays.stream(RawFrrConfigSpec.class.getRecordComponents()).forEach(c -> expected.add(c.getName()));
            assertEquals(expected, keys);
        }
    }
}
