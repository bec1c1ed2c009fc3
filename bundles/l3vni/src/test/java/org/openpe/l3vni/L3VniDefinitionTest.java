package org.openpe.l3vni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openpe.api.definition.Claims;
import org.openpe.api.definition.FieldChange;
import org.openpe.api.definition.HostSessionSpec;
import org.openpe.api.definition.HostSessionSpec.LocalCidrSpec;
import org.openpe.api.definition.Problems;
import org.openpe.api.model.Cidr;

class L3VniDefinitionTest {

    private final L3VniDefinition definition = new L3VniDefinition();

    private static L3VniDefinition.Spec spec(Long vni, String localCidr) {
        return new L3VniDefinition.Spec(null, vni, null,
                new HostSessionSpec(64514L, 64515L, new LocalCidrSpec(localCidr, null), null), null, null, null);
    }

    private L3VNI resource(L3VniDefinition.Spec spec) {
        Problems problems = new Problems("l3vni red");
        L3VNI red = definition.resource("red", spec, problems, OptionalInt.of(3));
        assertEquals(List.of(), problems.messages());
        return red;
    }

    @Test
    void defaultsAreAppliedAndProblemsNameKeyAndValue() {
        L3VNI red = resource(spec(100L, "192.169.10.0/24"));
        assertEquals("red", red.effectiveVrf());
        assertEquals(4789, red.vxlanPort());

        Problems problems = new Problems("l3vni red");
        assertNull(definition.resource("red", spec(0L, "192.169.10.0/31"), problems, OptionalInt.of(3)));
        assertEquals(List.of("l3vni red: 'vni' = 0 is out of range 1..16777215",
                "l3vni red: 'hostsession.localcidr.ipv4': CIDR 192.169.10.0/31 is too small for node index 3 (it has 2 addresses, address #5 is needed)"),
                problems.messages());
    }

    @Test
    void claimsItsVniItsVrfAndItsHostSessionCidr() {
        List<String> claimed = new ArrayList<>();
        definition.claim(resource(spec(100L, "192.169.10.0/24")), new Claims() {
            @Override
            public void unique(String what, String conflict) {
                claimed.add(what + " -> " + String.format(conflict, "l3vni blue"));
            }

            @Override
            public void cidr(String key, Cidr cidr) {
                claimed.add(key + " = " + cidr);
            }
        });
        assertEquals(List.of("vni 100 -> 'vni' = 100 is already used by l3vni blue",
                "l3vrf red -> VRF 'red' is already used by l3vni blue (one L3VNI per VRF)",
                "hostsession.localcidr.ipv4 = 192.169.10.0/24"), claimed);
    }

    @Test
    void theHostSessionCidrIsImmutable() {
        assertEquals(Optional.of(new FieldChange("hostsession.localcidr", "ipv4 192.169.10.0/24, ipv6 unset",
                        "ipv4 192.169.11.0/24, ipv6 unset")),
                definition.immutableChange(resource(spec(100L, "192.169.10.0/24")),
                        resource(spec(100L, "192.169.11.0/24"))));
        assertEquals(Optional.empty(), definition.immutableChange(resource(spec(100L, "192.169.10.0/24")),
                resource(spec(101L, "192.169.10.0/24"))));
    }

    @Test
    void theViewShowsEffectiveValuesUnderTheirKeys() {
        assertEquals(Map.of("vrf", "red", "vni", 100, "vxlanport", 4789,
                        "hostsession", Map.of("asn", 64514L, "hostasn", 64515L,
                                "localcidr", Map.of("ipv4", "192.169.10.0/24")),
                        "rd", "auto", "importRTs", "auto", "exportRTs", "auto"),
                definition.view(resource(spec(100L, "192.169.10.0/24"))));
        assertEquals(Map.of("ipv4.routerSide", "192.169.10.1/24", "ipv4.hostSide", "192.169.10.5/24"),
                definition.allocations(resource(spec(100L, "192.169.10.0/24")), 3, Optional.empty()));
    }
}
