package org.openpe.itests.vm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The outcome of a scenario run, read from the console launcher's legacy XML reports (TEST-*.xml). */
record ScenarioReport(int tests, int skipped, List<String> problems) {

    static ScenarioReport read(Path reportsDir) throws IOException {
        int tests = 0;
        int skipped = 0;
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(reportsDir)) {
            files = list.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
        }
        for (Path file : files) {
            Document document = parse(file);
            NodeList cases = document.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element testCase = (Element) cases.item(i);
                String name = testCase.getAttribute("classname") + "." + testCase.getAttribute("name");
                tests++;
                for (Node child = testCase.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child instanceof Element outcome) {
                        switch (outcome.getTagName()) {
                            case "skipped" -> skipped++;
                            case "failure", "error" -> problems.add(name + ": " + outcome.getTextContent().strip());
                            default -> { }
                        }
                    }
                }
            }
        }
        return new ScenarioReport(tests, skipped, problems);
    }

    private static Document parse(Path file) throws IOException {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IOException("unreadable test report " + file + ": " + e.getMessage(), e);
        }
    }

    int passed() {
        return tests - skipped - problems.size();
    }
}
