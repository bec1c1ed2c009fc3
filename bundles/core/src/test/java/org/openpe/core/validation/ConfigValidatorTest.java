package org.openpe.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpe.core.validation.TestConfigs.candidate;
import static org.openpe.core.validation.TestConfigs.l2vni;
import static org.openpe.core.validation.TestConfigs.l3vni;
import static org.openpe.core.validation.TestConfigs.passthrough;
import static org.openpe.core.validation.TestConfigs.underlay;
import static org.openpe.core.validation.TestConfigs.updated;
import static org.openpe.core.validation.TestConfigs.with;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openpe.api.ResourceType;
import org.openpe.core.config.Candidate;
import org.openpe.core.config.ConfigSource;
import org.openpe.core.config.ResourceEntry;
import org.openpe.core.config.ResourceKey;
import org.openpe.l2vni.L2VNI;
import org.openpe.l3vni.L3VNI;
import org.openpe.passthrough.L3Passthrough;

/** Rules across resources, failure isolation and the immutable fields. */
class ConfigValidatorTest {

    private static TestConfigs.Set base() {
        return new TestConfigs.Set().add(ResourceType.UNDERLAY, "default", underlay());
    }

    private static void assertValid(ResourceEntry e) {
        assertEquals(Verdict.VALID, e.verdict(), e.key() + ": " + e.verdict().message());
        assertEquals(e.resource(), e.realised());
    }

    private static void assertInvalid(ResourceEntry e, String expected) {
        Verdict.Invalid invalid = assertInstanceOf(Verdict.Invalid.class, e.verdict(), e.key().toString());
        assertTrue(invalid.reasons().contains(expected), () -> "expected '" + expected + "' in " + invalid.reasons());
        assertEquals(Optional.empty(), e.realised());
    }

    private static void assertBlocked(ResourceEntry e, String dependency, String reason) {
        Verdict.Blocked blocked = assertInstanceOf(Verdict.Blocked.class, e.verdict(), e.key().toString());
        assertEquals(dependency, blocked.dependency());
        assertEquals(reason, blocked.reason());
        assertEquals(Optional.empty(), e.realised());
        assertTrue(e.resource().isPresent());
    }

    @Test
    void theSpecExampleIsValid() {
        Map<String, ResourceEntry> r = base()
                .add(L3VNI.TYPE, "red", l3vni(100, "192.169.10.0/24"))
                .add(L2VNI.TYPE, "red110", l2vni(110))
                .add(L3Passthrough.TYPE, "passthrough", passthrough())
                .validate(3);
        r.values().forEach(ConfigValidatorTest::assertValid);
        assertEquals(4, r.size());
    }

    @Test
    void onlyOneUnderlay() {
        Map<String, ResourceEntry> r = base().add(ResourceType.UNDERLAY, "second", underlay()).validate(0);
        assertValid(r.get("underlay default"));
        assertInvalid(r.get("underlay second"), "underlay second: only one underlay is allowed; underlay default is already configured");
    }

    @Test
    void onlyOnePassthrough() {
        Map<String, ResourceEntry> r = base()
                .add(L3Passthrough.TYPE, "a", passthrough())
                .add(L3Passthrough.TYPE, "b", with(passthrough(), "hostsession.localcidr.ipv4", "192.168.30.0/24",
                        "hostsession.localcidr.ipv6", null))
                .validate(0);
        assertValid(r.get("l3passthrough a"));
        assertInvalid(r.get("l3passthrough b"),
                "l3passthrough b: only one l3passthrough is allowed; l3passthrough a is already configured");
    }

    @Test
    void vniIsUniqueAcrossL3AndL2() {
        Map<String, ResourceEntry> r = base()
                .add(L3VNI.TYPE, "red", l3vni(100, "192.169.10.0/24"))
                .add(L2VNI.TYPE, "red100", with(l2vni(100), "vrf", "blue"))
                .add(L3VNI.TYPE, "green", l3vni(100, "192.169.11.0/24"))
                .validate(0);
        assertValid(r.get("l3vni red"));
        assertInvalid(r.get("l2vni red100"), "l2vni red100: 'vni' = 100 is already used by l3vni red");
        assertInvalid(r.get("l3vni green"), "l3vni green: 'vni' = 100 is already used by l3vni red");
    }

    @Test
    void vrfIsUniquePerKindButSharedBetweenKinds() {
        Map<String, ResourceEntry> r = base()
                .add(L3VNI.TYPE, "red", l3vni(100, "192.169.10.0/24"))
                .add(L3VNI.TYPE, "red2", with(l3vni(101, "192.169.11.0/24"), "vrf", "red"))
                .add(L2VNI.TYPE, "l2a", l2vni(110))
                .add(L2VNI.TYPE, "l2b", l2vni(111))
                .validate(0);
        assertValid(r.get("l3vni red"));
        assertInvalid(r.get("l3vni red2"), "l3vni red2: VRF 'red' is already used by l3vni red (one L3VNI per VRF)");
        assertValid(r.get("l2vni l2a"));
        assertInvalid(r.get("l2vni l2b"), "l2vni l2b: VRF 'red' is already used by l2vni l2a (one L2VNI per VRF)");
    }

    @Test
    void hostSessionCidrsMustNotOverlapPerFamily() {
        Map<String, ResourceEntry> r = base()
                .add(L3VNI.TYPE, "red", l3vni(100, "192.169.10.0/24"))
                .add(L3VNI.TYPE, "blue", l3vni(101, "192.169.10.128/25"))
                .add(L3Passthrough.TYPE, "pt", with(passthrough(), "hostsession.localcidr.ipv4", "192.169.0.0/16"))
                .add(L3VNI.TYPE, "green", with(l3vni(102, "192.169.20.0/24"),
                        "hostsession.localcidr.ipv6", "2001:db8:10::/96"))
                .add(L3VNI.TYPE, "white", l3vni(103, "192.169.30.0/24"))
                .validate(0);
        assertValid(r.get("l3vni red"));
        assertInvalid(r.get("l3vni blue"),
                "l3vni blue: 'hostsession.localcidr.ipv4' = '192.169.10.128/25' overlaps 192.169.10.0/24 of l3vni red");
        assertInvalid(r.get("l3passthrough pt"),
                "l3passthrough pt: 'hostsession.localcidr.ipv4' = '192.169.0.0/16' overlaps 192.169.10.0/24 of l3vni red");
        // the rejected passthrough claims nothing, so its IPv6 CIDR does not block green
        assertValid(r.get("l3vni green"));
        assertValid(r.get("l3vni white"));
    }

    @Test
    void vnisNeedAnUnderlayWithEvpn() {
        Map<String, ResourceEntry> none = new TestConfigs.Set()
                .add(L3VNI.TYPE, "red", l3vni(100, "192.169.10.0/24"))
                .add(L3Passthrough.TYPE, "pt", passthrough())
                .validate(0);
        assertBlocked(none.get("l3vni red"), "underlay", "l3vni red: waiting for an underlay; none is configured");
        assertBlocked(none.get("l3passthrough pt"), "underlay", "l3passthrough pt: waiting for an underlay; none is configured");

        Map<String, ResourceEntry> noEvpn = new TestConfigs.Set()
                .add(ResourceType.UNDERLAY, "default", with(underlay(), "evpn.vtepcidr", null))
                .add(L2VNI.TYPE, "l2", l2vni(110))
                .add(L3Passthrough.TYPE, "pt", passthrough())
                .validate(0);
        assertBlocked(noEvpn.get("l2vni l2"), "underlay default",
                "l2vni l2: underlay default has no evpn (set evpn.vtepcidr); VNIs need EVPN");
        assertValid(noEvpn.get("l3passthrough pt"));
    }

    @Test
    void anInvalidUnderlayBlocksItsDependentsOnly() {
        Map<String, ResourceEntry> r = new TestConfigs.Set()
                .add(ResourceType.UNDERLAY, "default", with(underlay(), "asn", "x"))
                .add(L3VNI.TYPE, "red", l3vni(100, "192.169.10.0/24"))
                .add(L2VNI.TYPE, "bad", with(l2vni(110), "vni", "0"))
                .validate(0);
        assertInvalid(r.get("underlay default"), "underlay default: 'asn' = 'x' is not an integer (or is too large)");
        assertBlocked(r.get("l3vni red"), "underlay default", "l3vni red: waiting for underlay default, which is invalid");
        assertInvalid(r.get("l2vni bad"), "l2vni bad: 'vni' = 0 is out of range 1..16777215");
    }

    @Test
    void anInvalidResourceIsRejectedAlone() {
        Map<String, ResourceEntry> r = base()
                .add(L3VNI.TYPE, "red", with(l3vni(100, "192.169.10.0/24"), "hostsession.asnn", "1"))
                .add(L3VNI.TYPE, "blue", l3vni(200, "192.169.11.0/24"))
                .validate(0);
        assertInvalid(r.get("l3vni red"),
                "l3vni red: key 'hostsession.asnn' is not a known field (known here: asn, hostasn, hosttype, localcidr)");
        assertValid(r.get("l3vni blue"));
        assertValid(r.get("underlay default"));
    }

    @Test
    void invalidNodeSettingsBlockEverything() {
        NodeState node = new NodeState(Optional.empty(), NodeRules.defaults(), OptionalInt.empty(),
                List.of("node settings: no node index"));
        Map<String, ResourceEntry> r = base().add(L3VNI.TYPE, "red", l3vni(100, "192.169.10.0/24"))
                .add(L3VNI.TYPE, "bad", l3vni(0, "192.169.11.0/24")).validate(node);
        assertBlocked(r.get("underlay default"), "node settings",
                "underlay default: waiting for valid node settings (node settings: no node index)");
        assertBlocked(r.get("l3vni red"), "node settings",
                "l3vni red: waiting for valid node settings (node settings: no node index)");
        assertInvalid(r.get("l3vni bad"), "l3vni bad: 'vni' = 0 is out of range 1..16777215");
    }

    @Test
    void duplicateNamesAreRejected() {
        Candidate first = candidate(L3VNI.TYPE, "red", l3vni(100, "192.169.10.0/24"));
        Candidate second = new Candidate(first.key(), new ConfigSource("org.openpe.l3vni.1234",
                Optional.of("/etc/org.openpe.l3vni-x.cfg.json")), l3vni(200, "192.169.11.0/24"), 1,
                Optional.empty(), Optional.empty());
        List<ResourceEntry> all = base().add(first).add(second).validateAll(0);
        assertValid(all.get(1));
        assertInvalid(all.get(2), "l3vni red: is also defined by org.openpe.l3vni~red; names must be unique per type");
    }

    @Test
    void changedLocalCidrIsRejectedAndThePreviousVersionStaysInForce() {
        Candidate original = candidate(L3VNI.TYPE, "red", l3vni(100, "192.169.10.0/24"));
        L3VNI accepted = (L3VNI) base().add(original).validate(0).get("l3vni red").resource().orElseThrow();

        Candidate changed = updated(candidate(L3VNI.TYPE, "red",
                with(l3vni(100, "192.169.99.0/24"), "vxlanport", "4790")), accepted);
        ResourceEntry e = base().add(changed).validate(0).get("l3vni red");
        assertInstanceOf(Verdict.Invalid.class, e.verdict());
        assertEquals("l3vni red: 'hostsession.localcidr' cannot be changed on an existing resource (was ipv4"
                + " 192.169.10.0/24, ipv6 unset, now ipv4 192.169.99.0/24, ipv6 unset); delete l3vni red and create it"
                + " again to change it. The previous configuration stays in force", e.verdict().message());
        assertEquals(Optional.of(accepted), e.realised());
        assertEquals(4790, ((L3VNI) e.resource().orElseThrow()).vxlanPort());

        Candidate sameCidr = updated(candidate(L3VNI.TYPE, "red",
                with(l3vni(100, "192.169.10.0/24"), "vxlanport", "4790")), accepted);
        assertValid(base().add(sameCidr).validate(0).get("l3vni red"));
    }

    @Test
    void changedGatewayIpIsRejected() {
        L2VNI accepted = (L2VNI) base().add(L2VNI.TYPE, "l2", l2vni(110)).validate(0).get("l2vni l2")
                .resource().orElseThrow();
        Candidate changed = updated(candidate(L2VNI.TYPE, "l2", with(l2vni(110), "l2gatewayip", "192.171.24.254/24")),
                accepted);
        ResourceEntry e = base().add(changed).validate(0).get("l2vni l2");
        assertTrue(e.verdict().message().startsWith("l2vni l2: 'l2gatewayip' cannot be changed on an existing resource"
                + " (was 192.171.24.1/24, now 192.171.24.254/24); delete l2vni l2 and create it again"), e.verdict().message());
        assertEquals(Optional.of(accepted), e.realised());
    }

    @Test
    void changedPassthroughCidrIsAcceptedItsAddressesMove() {
        var accepted = base().add(L3Passthrough.TYPE, "pt", passthrough()).validate(0).get("l3passthrough pt")
                .resource().orElseThrow();
        Candidate changed = updated(candidate(L3Passthrough.TYPE, "pt",
                with(passthrough(), "hostsession.localcidr.ipv6", null)), accepted);
        ResourceEntry e = base().add(changed).validate(0).get("l3passthrough pt");
        assertTrue(e.isValid(), e.verdict().message());
        assertEquals(e.resource(), e.realised());
        assertFalse(e.realised().equals(Optional.of(accepted)));
    }

    @Test
    void unnamedConfigurationIsInvalid() {
        Candidate c = new Candidate(new ResourceKey(L2VNI.TYPE, "org.openpe.l2vni.abc"),
                new ConfigSource("org.openpe.l2vni.abc", Optional.empty()), l2vni(10), 1,
                Optional.empty(), Optional.of("has no name: add a 'name' property"));
        ResourceEntry e = base().add(c).validate(0).get("l2vni org.openpe.l2vni.abc");
        assertInvalid(e, "l2vni org.openpe.l2vni.abc: has no name: add a 'name' property");
    }

    private static Candidate inForce(Candidate applied, Map<String, Object> now) {
        var version = base().add(applied).validate(0).get(applied.key().toString()).resource().orElseThrow();
        return updated(candidate(applied.key().type(), applied.key().name(), now), version);
    }

    @Test
    void anInvalidUnderlayKeepsItsVersionInForceAndBlocksNothing() {
        Candidate typo = inForce(candidate(ResourceType.UNDERLAY, "default", underlay()),
                with(underlay(), "neighbors.0.asn", "64512x"));
        Map<String, ResourceEntry> r = new TestConfigs.Set().add(typo)
                .add(L3VNI.TYPE, "red", l3vni(100, "192.169.10.0/24"))
                .add(L3Passthrough.TYPE, "pt", passthrough()).validate(0);

        ResourceEntry underlay = r.get("underlay default");
        assertInstanceOf(Verdict.Invalid.class, underlay.verdict());
        assertTrue(underlay.verdict().message().contains("'neighbors.0.asn' = '64512x'"), underlay.verdict().message());
        assertTrue(underlay.keepsAppliedVersion());
        assertEquals(typo.applied().map(a -> a.resource()), underlay.realised());
        assertValid(r.get("l3vni red"));
        assertValid(r.get("l3passthrough pt"));
    }

    @Test
    void anInvalidUnderlayWithNothingInForceBlocksItsDependentsAsBefore() {
        Map<String, ResourceEntry> r = new TestConfigs.Set()
                .add(ResourceType.UNDERLAY, "default", with(underlay(), "neighbors.0.asn", "64512x"))
                .add(L3VNI.TYPE, "red", l3vni(100, "192.169.10.0/24")).validate(0);
        assertInvalid(r.get("underlay default"), "underlay default: 'neighbors.0.asn' = '64512x' is not an integer (or is too large)");
        assertBlocked(r.get("l3vni red"), "underlay default", "l3vni red: waiting for underlay default, which is invalid");
    }

    @Test
    void anL3vniEditedToAnotherOnesVniKeepsItsOwnVersionInForceWhereverItIsListed() {
        Candidate blue = inForce(candidate(L3VNI.TYPE, "blue", l3vni(200, "192.169.20.0/24")),
                l3vni(100, "192.169.20.0/24"));
        Map<String, ResourceEntry> r = base().add(blue)
                .add(updated(candidate(L3VNI.TYPE, "red", l3vni(100, "192.169.10.0/24")),
                        base().add(L3VNI.TYPE, "red", l3vni(100, "192.169.10.0/24")).validate(0)
                                .get("l3vni red").resource().orElseThrow()))
                .validate(0);

        ResourceEntry edited = r.get("l3vni blue");
        assertEquals("l3vni blue: 'vni' = 100 is already used by l3vni red", edited.verdict().message());
        assertEquals(200, ((L3VNI) edited.realised().orElseThrow()).vni());
        assertValid(r.get("l3vni red"));
    }

    @Test
    void aNewResourceCannotTakeWhatAVersionInForceHolds() {
        Candidate red = inForce(candidate(L3VNI.TYPE, "red", l3vni(100, "192.169.10.0/24")),
                l3vni(101, "192.169.10.0/24"));
        Map<String, ResourceEntry> r = base().add(L3VNI.TYPE, "blue", l3vni(100, "192.169.20.0/24")).add(red)
                .validate(0);
        assertInvalid(r.get("l3vni blue"), "l3vni blue: 'vni' = 100 is already used by l3vni red");
        assertValid(r.get("l3vni red"));
    }

    @Test
    void whatTheFrrModelRefusesIsAValidationProblemNamingTheField() {
        Map<String, ResourceEntry> r = new TestConfigs.Set().add(ResourceType.UNDERLAY, "default", with(underlay(),
                "neighbors.0.password", "x".repeat(81), "neighbors.1.asn", "64513", "neighbors.1.address", "192.168.011.2"))
                .validate(0);
        Verdict.Invalid invalid = assertInstanceOf(Verdict.Invalid.class, r.get("underlay default").verdict());
        assertEquals(List.of("underlay default: 'neighbors.0.password' must be 1..80 printable ASCII characters without"
                + " whitespace (its 81 characters are not shown: it is a secret)"), invalid.reasons().subList(0, 1));
        assertTrue(invalid.reasons().stream().noneMatch(m -> m.contains("xxxx")));

        Map<String, ResourceEntry> twice = new TestConfigs.Set().add(ResourceType.UNDERLAY, "default", with(underlay(),
                "neighbors.1.asn", "64513", "neighbors.1.address", "192.168.11.2")).validate(0);
        assertInvalid(twice.get("underlay default"), "underlay default: 'neighbors.1.address' = '192.168.11.2' is also"
                + " the address of neighbors.0; each neighbor needs its own address");
    }
}
