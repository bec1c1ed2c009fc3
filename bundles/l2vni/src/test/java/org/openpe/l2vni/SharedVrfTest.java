package org.openpe.l2vni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openpe.api.Contribution;
import org.openpe.api.definition.EvpnFields;
import org.openpe.api.kernel.KernelObject;
import org.openpe.api.model.HostSession;
import org.openpe.api.model.LocalCIDRConfig;
import org.openpe.l3vni.L3VNI;
import org.openpe.l3vni.L3VniReconciler;

/**
 * The core merges an object two resources declare only when both declarations are equal: an
 * L3VNI {@code red} and an L2VNI with {@code vrf = red} must declare the VRF and its routes alike.
 */
class SharedVrfTest {

    @Test
    void anL3vniAndAnL2vniOfOneVrfDeclareTheVrfAndItsRoutesIdentically() throws Exception {
        L3VNI l3vni = new L3VNI("red", Optional.empty(), 100, EvpnFields.DEFAULT_VXLAN_PORT, Optional.of(new HostSession(
                64514, 64515, new LocalCIDRConfig(Optional.of("192.169.10.0/24"), Optional.of("2001:db8:10::/64")))));
        L2VNI l2vni = new L2VNI("red110", Optional.of("red"), 110, EvpnFields.DEFAULT_VXLAN_PORT,
                Optional.of(new HostMaster(Optional.empty(), HostMaster.BRIDGE, true)), Optional.of("192.171.24.1/24"));
        TestNode node = TestNode.index(0);

        Map<String, KernelObject> fromL3 = byKey(new L3VniReconciler().contribute(l3vni, node));
        Map<String, KernelObject> fromL2 = byKey(new L2VniReconciler().contribute(l2vni, node));

        Set<String> shared = fromL3.keySet().stream().filter(fromL2::containsKey).collect(Collectors.toSet());
        assertEquals(Set.of("link ROUTER red", "route ROUTER vrf red unreachable 0.0.0.0/0",
                "route ROUTER vrf red unreachable ::/0"), shared);
        for (String key : shared) {
            assertEquals(fromL3.get(key), fromL2.get(key), key);
        }
    }

    @Test
    void bothPluginsDeclareTheBridgeAndVxlanOfAVniInTheSameForm() throws Exception {
        // Not a valid configuration (one VNI in two resources), only a check that both copies of the device shapes agree.
        L3VNI l3vni = new L3VNI("red", Optional.empty(), 100, EvpnFields.DEFAULT_VXLAN_PORT, Optional.empty());
        L2VNI l2vni = new L2VNI("red100", Optional.of("red"), 100, EvpnFields.DEFAULT_VXLAN_PORT, Optional.empty(),
                Optional.empty());
        TestNode node = TestNode.index(1);

        Map<String, KernelObject> fromL3 = byKey(new L3VniReconciler().contribute(l3vni, node));
        Map<String, KernelObject> fromL2 = byKey(new L2VniReconciler().contribute(l2vni, node));

        for (String key : new String[] {"link ROUTER br-pe-100", "link ROUTER vni100"}) {
            assertNotNull(fromL3.get(key), key);
            assertEquals(fromL3.get(key), fromL2.get(key), key);
        }
    }

    private static Map<String, KernelObject> byKey(Contribution c) {
        return c.kernel().stream().collect(Collectors.toMap(KernelObject::key, Function.identity()));
    }
}
