package org.openpe.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/** The distribution boots with every OpenPE bundle active and every OpenPE feature installed. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DistributionIT extends OpenPeTestSupport {

    private static final List<String> BOOT_FEATURES =
            List.of("openpe-core", "openpe-l3vni", "openpe-l2vni", "openpe-passthrough", "openpe-rawfrr");

    @Inject
    private BundleContext bundleContext;

    @Inject
    private FeaturesService features;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Test
    public void everyOpenPeBundleIsActive() {
        Map<String, String> states = new TreeMap<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getSymbolicName().startsWith("org.openpe.")) {
                states.put(bundle.getSymbolicName(), bundle.getState() == Bundle.ACTIVE ? "ACTIVE" : "state " + bundle.getState());
            }
        }
        Map<String, String> expected = new TreeMap<>();
        for (String module : List.of("api", "core", "netlink", "frr", "l3vni", "l2vni", "passthrough", "rawfrr")) {
            expected.put("org.openpe." + module, "ACTIVE");
        }
        assertEquals(expected, states);
    }

    @Test
    public void everyOpenPeFeatureIsInstalledAtBoot() throws Exception {
        for (String name : BOOT_FEATURES) {
            assertTrue(name + " is installed", features.isInstalled(features.getFeature(name)));
        }
    }

    @Test
    public void resourceFeatureUninstallsAndInstallsAgainOffline() throws Exception {
        features.uninstallFeature("openpe-passthrough", EnumSet.noneOf(FeaturesService.Option.class));
        assertFalse(bundleNames().contains("org.openpe.passthrough"));

        features.installFeature("openpe-passthrough", EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue(features.isInstalled(features.getFeature("openpe-passthrough")));
        Bundle passthrough = Arrays.stream(bundleContext.getBundles())
                .filter(b -> b.getSymbolicName().equals("org.openpe.passthrough"))
                .findFirst().orElseThrow();
        assertEquals(Bundle.ACTIVE, passthrough.getState());
    }

    @Test
    public void sshListensOnLoopbackOnly() throws Exception {
        Object host = configAdmin.getConfiguration("org.apache.karaf.shell", null).getProperties().get("sshHost");
        assertEquals("127.0.0.1", host);
    }

    private TreeSet<String> bundleNames() {
        return Arrays.stream(bundleContext.getBundles()).map(Bundle::getSymbolicName)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
