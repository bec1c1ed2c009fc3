package org.openpe.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;
import org.openpe.itests.support.Appliance;
import org.openpe.itests.support.Eventually;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The {@code openpe:*} commands in the running distribution, fed by {@code .cfg} files written to
 * etc/: a file reaches the core on create, update and delete.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CommandsIT extends OpenPeTestSupport {

    private static final String FILE = "org.openpe.l3vni-blue.cfg";

    @Test
    public void aCfgFileReachesTheCoreOnCreateUpdateAndDelete() throws Exception {
        writeEtc(FILE, "vni = 200\nhostsession.asn = 64514\nhostsession.hostasn = 64515\n"
                + "hostsession.localcidr.ipv4 = 192.169.30.0/24\n");
        awaitListed("l3vni", "blue", row -> row.has("state"));
        assertEquals("200", showJson("l3vni", "blue").path("effective").path("vni").asText());

        writeEtc(FILE, "vni = 300\nhostsession.asn = 64514\nhostsession.hostasn = 64515\n"
                + "hostsession.localcidr.ipv4 = 192.169.30.0/24\n");
        awaitOutput("openpe:show --json l3vni blue", out -> out.contains("\"vni\" : 300"));

        deleteEtc(FILE);
        awaitListed("l3vni", "blue", row -> row.isEmpty());
    }

    /**
     * A directory of resources copied into etc/ at once is read whole: with File Install's inotify scanner, a
     * burst of more than 512 events (each file written atomically is a create and a rename) overflowed Java's
     * watch service and the files behind the overflow were never read.
     */
    @Test
    public void aBurstOfFilesIsReadWhole() throws Exception {
        int files = 400;
        try {
            for (int i = 0; i < files; i++) {
                writeEtc("org.openpe.l3vni-burst" + i + ".cfg", "vni = " + (10_000 + i)
                        + "\nhostsession.asn = 64514\nhostsession.hostasn = 64515\nhostsession.localcidr.ipv4 = 10."
                        + (i / 250) + "." + (i % 250) + ".0/24\n");
            }
            Eventually.await("all " + files + " files of the burst in openpe:list --json", AWAIT,
                    () -> burstRows(), rows -> rows == files);
        } finally {
            for (int i = 0; i < files; i++) {
                deleteEtc("org.openpe.l3vni-burst" + i + ".cfg");
            }
        }
        Eventually.await("the burst's resources gone from openpe:list --json", AWAIT, () -> burstRows(), rows -> rows == 0);
    }

    private long burstRows() {
        long rows = 0;
        for (JsonNode row : Appliance.json(execute("openpe:list --json"))) {
            if (row.path("name").asText().startsWith("burst")) {
                rows++;
            }
        }
        return rows;
    }

    @Test
    public void anInvalidFileIsReportedWithTheKeyAndValue() throws Exception {
        writeEtc("org.openpe.l2vni-bad.cfg", "vni = 99999999\n");
        try {
            JsonNode bad = awaitListed("l2vni", "bad", row -> row.has("state"));
            assertEquals(bad.toString(), "Invalid", bad.path("state").asText());
            assertTrue(bad.toString(), bad.path("reason").asText().contains("99999999"));
        } finally {
            deleteEtc("org.openpe.l2vni-bad.cfg");
        }
    }

    @Test
    public void validateChecksADirectoryWithoutApplyingIt() throws Exception {
        Path dir = Files.createTempDirectory("openpe-validate");
        Files.writeString(dir.resolve("org.openpe.underlay-u.cfg"),
                "asn = 64514\nneighbors.0.asn = 64514\nneighbors.0.address = 192.168.11.2\n");

        AssertionError failure = null;
        try {
            execute("openpe:validate " + dir);
        } catch (AssertionError e) {
            failure = e;
        }

        assertTrue("validate must fail on an invalid set", failure != null);
        assertTrue(failure.getMessage(), failure.getMessage().contains("64514"));
        assertTrue("validate applied nothing", listed("underlay", "u").isEmpty());
    }

    @Test
    public void statusAndListSpeakJson() throws Exception {
        JsonNode status = new ObjectMapper().readTree(execute("openpe:status --json"));
        assertTrue(status.toString(), status.has("nodeIndex") && status.get("nodeIndex").isNull());
        assertTrue(status.toString(), status.path("nodeProblems").toString().contains("nodeIndex"));
        assertTrue(status.toString(), status.path("metrics").path("port").asInt(-1) == 0
                && status.path("metrics").path("listening").isNull());
        assertTrue(new ObjectMapper().readTree(execute("openpe:list --json")).isArray());
    }

    private JsonNode showJson(String type, String name) throws Exception {
        return new ObjectMapper().readTree(execute("openpe:show --json " + type + " " + name));
    }
}
