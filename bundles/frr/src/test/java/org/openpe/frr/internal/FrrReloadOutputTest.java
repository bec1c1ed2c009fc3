package org.openpe.frr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading frr-reload.py's output (captured from FRR 8.4.4) and masking secrets in it. */
class FrrReloadOutputTest {

    @Test
    void hostnameDifferencesAreNotChanges() {
        String onlyHostname = """

                Lines To Delete
                ===============
                no hostname vm

                Lines To Add
                ============
                hostname pe1
                """;
        assertEquals(List.of(), FrrReload.changes(onlyHostname));
    }

    @Test
    void realDifferencesAreListedWithTheirContext() {
        String diff = """

                Lines To Delete
                ===============
                no hostname vm
                router bgp 64514
                 no neighbor 192.168.11.2 bfd

                Lines To Add
                ============
                router bgp 64514
                 neighbor 192.168.11.2 ebgp-multihop
                hostname frt-exp1
                """;
        assertEquals(List.of("router bgp 64514", " no neighbor 192.168.11.2 bfd", "router bgp 64514",
                " neighbor 192.168.11.2 ebgp-multihop"), FrrReload.changes(diff));
    }

    @Test
    void errorOutputIsCleanedOfColoursTimestampsAndRepeats() {
        String raw = "% Can not configure the local system as neighbor\n"
                + "line 2: Failure to communicate[13] to bgpd, line:  neighbor 192.168.50.1 remote-as 64999\n\n"
                + "2026-11-22 02:46:30,037 \u001B[91mWARNING\u001B[0m: frr-reload.py failed due to\n"
                + "vtysh (exec file) exited with status 13\n"
                + "% Can not configure the local system as neighbor\n";
        assertEquals("""
                % Can not configure the local system as neighbor
                line 2: Failure to communicate[13] to bgpd, line:  neighbor 192.168.50.1 remote-as 64999
                frr-reload.py failed due to
                vtysh (exec file) exited with status 13""", FrrReload.clean(raw));
        String testFailure = "2026-11-22 02:38:22,571 \u001B[91m  ERROR\u001B[0m: vtysh failed to process new configuration: "
                + "vtysh (mark file) exited with status 4:\nb'line 34: % Command incomplete:  neighbor 192.168.11.2\\n\\n'";
        assertEquals("""
                vtysh failed to process new configuration: vtysh (mark file) exited with status 4:
                line 34: % Command incomplete:  neighbor 192.168.11.2""", FrrReload.clean(testFailure));
    }

    @Test
    void secretsAreMaskedWhereverTheyAppear() {
        String text = "line 5: Failure to communicate[13] to bgpd, line:  neighbor 192.168.50.1 password s3cret\n"
                + "echo of s3cret elsewhere; password  other";
        assertEquals("line 5: Failure to communicate[13] to bgpd, line:  neighbor 192.168.50.1 password ****\n"
                + "echo of **** elsewhere; password  ****", SecretMasker.mask(text, Set.of("s3cret")));
        assertEquals(Set.of("s3cret"), SecretMasker.secretsOf(Configs.underlayAllSessionOptions()));
    }
}
