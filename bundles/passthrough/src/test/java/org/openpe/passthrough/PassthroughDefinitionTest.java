package org.openpe.passthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openpe.api.definition.Claims;
import org.openpe.api.definition.Dependency;
import org.openpe.api.definition.HostSessionSpec;
import org.openpe.api.definition.HostSessionSpec.LocalCidrSpec;
import org.openpe.api.definition.Problems;
import org.openpe.api.model.Cidr;

class PassthroughDefinitionTest {

    private final PassthroughDefinition definition = new PassthroughDefinition();

    @Test
    void aHostSessionIsRequired() {
        Problems problems = new Problems("l3passthrough pt");
        assertNull(definition.resource("pt", new PassthroughDefinition.Spec(null), problems, OptionalInt.empty()));
        assertEquals(List.of("l3passthrough pt: 'hostsession' is required (hostsession.asn, hostsession.hostasn,"
                + " hostsession.localcidr.ipv4/ipv6)"), problems.messages());
    }

    @Test
    void onlyOneMayExistItClaimsItsCidrsAndNeedsTheUnderlayButNoEvpn() {
        Problems problems = new Problems("l3passthrough pt");
        L3Passthrough pt = definition.resource("pt", new PassthroughDefinition.Spec(new HostSessionSpec(64514L, 64515L,
                new LocalCidrSpec("192.169.10.0/24", "2001:db8::/64"), null)), problems, OptionalInt.of(0));
        assertEquals(List.of(), problems.messages());
        List<String> claimed = new ArrayList<>();
        definition.claim(pt, new Claims() {
            @Override
            public void unique(String what, String conflict) {
                claimed.add(what + " -> " + String.format(conflict, "l3passthrough other"));
            }

            @Override
            public void cidr(String key, Cidr cidr) {
                claimed.add(key + " = " + cidr);
            }
        });
        assertEquals(List.of("l3passthrough -> only one l3passthrough is allowed; l3passthrough other is already configured",
                "hostsession.localcidr.ipv4 = 192.169.10.0/24", "hostsession.localcidr.ipv6 = 2001:db8::/64"), claimed);
        assertEquals(Dependency.UNDERLAY, definition.dependency());
    }
}
