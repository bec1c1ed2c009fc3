package org.openpe.core.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openpe.api.Reconciler;
import org.openpe.api.definition.ResourceDefinition;
import org.openpe.l3vni.L3VNI;
import org.openpe.l3vni.L3VniDefinition;
import org.openpe.passthrough.PassthroughDefinition;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

class DefinitionRegistryTest {

    private static final AtomicInteger IDS = new AtomicInteger();

    /** A service reference ordered as the framework orders them: by ranking, then the older first. */
    @SuppressWarnings("unchecked")
    private static ServiceReference<ResourceDefinition<?, ?>> reference(String type, int ranking) {
        Map<String, Object> properties = Map.of(Reconciler.RESOURCE_TYPE, type, Constants.SERVICE_RANKING, ranking,
                Constants.SERVICE_ID, (long) IDS.incrementAndGet());
        return (ServiceReference<ResourceDefinition<?, ?>>) Proxy.newProxyInstance(
                DefinitionRegistryTest.class.getClassLoader(), new Class<?>[] {ServiceReference.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "compareTo" -> {
                        ServiceReference<?> other = (ServiceReference<?>) args[0];
                        int byRanking = Integer.compare(ranking, (Integer) other.getProperty(Constants.SERVICE_RANKING));
                        yield byRanking != 0 ? byRanking : Long.compare(
                                (Long) other.getProperty(Constants.SERVICE_ID), (Long) properties.get(Constants.SERVICE_ID));
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theHighestRankedDefinitionOfATypeIsUsedAndTheNextTakesOverWhenItGoes() {
        DefinitionRegistry registry = new DefinitionRegistry();
        AtomicInteger changes = new AtomicInteger();
        registry.addListener(changes::incrementAndGet);
        L3VniDefinition low = new L3VniDefinition();
        L3VniDefinition high = new L3VniDefinition();
        ServiceReference<ResourceDefinition<?, ?>> highReference = reference("l3vni", 10);
        registry.bindDefinition(reference("l3vni", 0), low);
        registry.bindDefinition(highReference, high);
        registry.bindDefinition(reference("l3passthrough", 0), new PassthroughDefinition());

        assertSame(high, registry.of(L3VNI.TYPE).orElseThrow());
        assertEquals(List.of("underlay", "l3passthrough", "l3vni"),
                registry.types().stream().map(t -> t.id()).toList());

        registry.unbindDefinition(highReference);
        assertSame(low, registry.of(L3VNI.TYPE).orElseThrow());
        assertEquals(4, changes.get());
    }

    @Test
    void aDefinitionRegisteredUnderAnotherTypeIsIgnored() {
        DefinitionRegistry registry = new DefinitionRegistry();
        registry.bindDefinition(reference("l2vni", 0), new L3VniDefinition());
        assertEquals(Optional.empty(), registry.of(L3VNI.TYPE));
    }
}
