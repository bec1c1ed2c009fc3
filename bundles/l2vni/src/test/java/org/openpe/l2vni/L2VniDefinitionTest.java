package org.openpe.l2vni;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openpe.api.definition.Claims;
import org.openpe.api.definition.FieldChange;
import org.openpe.api.definition.Problems;
import org.openpe.api.model.Cidr;

class L2VniDefinitionTest {

    private final L2VniDefinition definition = new L2VniDefinition();

    private L2VNI resource(String vrf, String gateway, Boolean l2Only) {
        Problems problems = new Problems("l2vni blue");
        L2VNI blue = definition.resource("blue", new L2VniDefinition.Spec(vrf, 110L, null,
                new L2VniDefinition.HostMasterSpec(null, null, true), gateway, l2Only, null, null, null),
                problems, OptionalInt.empty());
        assertEquals(List.of(), problems.messages());
        return blue;
    }

    private List<String> claims(L2VNI resource) {
        List<String> claimed = new ArrayList<>();
        definition.claim(resource, new Claims() {
            @Override
            public void unique(String what, String conflict) {
                claimed.add(what);
            }

            @Override
            public void cidr(String key, Cidr cidr) {
                claimed.add(key + " = " + cidr);
            }
        });
        return claimed;
    }

    @Test
    void aRoutedVniClaimsItsVrfAPureL2OneOnlyItsVni() {
        assertEquals(List.of("vni 110", "l2vrf red"), claims(resource("red", null, null)));
        assertEquals(List.of("vni 110"), claims(resource(null, null, true)));
    }

    @Test
    void theGatewayIsImmutableOnceSet() {
        assertEquals(Optional.of(new FieldChange("l2gatewayip", "192.171.24.1/24", "192.171.25.1/24")),
                definition.immutableChange(resource("red", "192.171.24.1/24", null),
                        resource("red", "192.171.25.1/24", null)));
        assertEquals(Optional.empty(), definition.immutableChange(resource("red", null, null),
                resource("red", "192.171.25.1/24", null)));
    }

    @Test
    void theViewShowsEffectiveValuesUnderTheirKeys() {
        assertEquals(Map.of("l2only", true, "vni", 110, "vxlanport", 4789,
                        "hostmaster", Map.of("type", "bridge", "autocreate", true),
                        "rd", "auto", "importRTs", "auto", "exportRTs", "auto"),
                definition.view(resource(null, null, true)));
    }
}
