package org.openpe.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpe.api.ResourceType;
import org.openpe.core.definition.TestDefinitions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The hand-written metatype files (the plugins' from their jars) describe exactly keys that binding knows. */
class MetatypeTest {

    private static Document read(String pid) throws Exception {
        try (InputStream in = MetatypeTest.class.getResourceAsStream("/OSGI-INF/metatype/" + pid + ".xml")) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static List<String> attributeIds(Document doc) {
        List<String> ids = new ArrayList<>();
        NodeList ads = doc.getElementsByTagName("AD");
        for (int i = 0; i < ads.getLength(); i++) {
            ids.add(((Element) ads.item(i)).getAttribute("id"));
        }
        return ids;
    }

    @ParameterizedTest
    @ValueSource(strings = {"underlay", "l3vni", "l2vni", "l3passthrough"})
    void everyFactoryPidIsDesignatedWithKnownKeys(String id) throws Exception {
        ResourceType type = TestDefinitions.ALL.byId(id).orElseThrow();
        Class<?> spec = type.equals(ResourceType.UNDERLAY) ? Specs.UnderlaySpec.class
                : TestDefinitions.ALL.of(type).orElseThrow().specClass();
        Document doc = read(type.factoryPid());
        Element designate = (Element) doc.getElementsByTagName("Designate").item(0);
        assertEquals(type.factoryPid(), designate.getAttribute("factoryPid"));
        assertEquals("*", designate.getAttribute("bundle"));
        List<String> ids = attributeIds(doc);
        assertTrue(ids.contains("name"));
        for (String key : ids) {
            if (!key.equals("name")) {
                // binding accepts the key: only a value problem, never an unknown key
                try {
                    ResourceBinder.bind(spec, Map.of(key, "1"));
                } catch (BindingException e) {
                    assertTrue(!e.getMessage().contains("not a known field"), e.getMessage());
                }
            }
        }
    }

    @Test
    void nodeSingletonIsDesignatedWithKnownKeys() throws Exception {
        Document doc = read("org.openpe.node");
        assertEquals("org.openpe.node", ((Element) doc.getElementsByTagName("Designate").item(0)).getAttribute("pid"));
        for (String key : attributeIds(doc)) {
            try {
                ResourceBinder.bindNode(Map.of(key, "1"));
            } catch (BindingException e) {
                assertTrue(!e.getMessage().contains("not a known field"), e.getMessage());
            }
        }
    }
}
