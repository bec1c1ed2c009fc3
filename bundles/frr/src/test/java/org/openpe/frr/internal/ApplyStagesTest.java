package org.openpe.frr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openpe.api.frr.BgpRouter;
import org.openpe.api.frr.FrrConfig;
import org.openpe.api.frr.RawSnippet;
import org.openpe.api.frr.VrfVni;

class ApplyStagesTest {

    private final ConfigRenderer renderer = new ConfigRenderer(Path.of("/var/log/frr/test.log"));

    @Test
    void readsInstanceAsnsAndVniBindingsFromConfigurationText() {
        String running = renderer.render(Configs.evpnWithL3vni(64600, 64520));
        assertEquals(Map.of("", 64600L, "red", 64520L, "blue", 64600L), ApplyStages.instanceAsns(running));
        assertEquals(Set.of(new VrfVni("red", 100), new VrfVni("blue", 200)), ApplyStages.vrfVnis(running));
    }

    @Test
    void noStageWhenNoInstanceChangesAsAndEveryVrfSharesTheDefaultAs() {
        FrrConfig target = Configs.evpnWithL3vni();
        assertEquals(List.of(), ApplyStages.before(target, renderer.render(target)));
        assertEquals(List.of(), ApplyStages.before(target, renderer.render(Configs.underlayOnly())));
    }

    @Test
    void aNewVrfInstanceWithItsOwnAsIsCreatedBeforeItsVni() {
        FrrConfig target = Configs.evpnWithL3vni(Configs.UNDERLAY_ASN, 64520);

        List<ApplyStages.Stage> stages = ApplyStages.before(target, renderer.render(Configs.underlayOnly()));

        assertEquals(1, stages.size());
        FrrConfig instancesFirst = stages.get(0).config();
        assertEquals(target.routers(), instancesFirst.routers());
        assertEquals(List.of(new VrfVni("blue", 200)), instancesFirst.vrfVnis());
        assertEquals("the BGP instance of vrf red has its own AS: creating it before its VNI", stages.get(0).reason());
    }

    @Test
    void afterBgpdLostItsInstancesTheirVnisAreBoundAgainOnlyOnceTheInstancesExist() {
        FrrConfig target = Configs.evpnWithL3vni(Configs.UNDERLAY_ASN, 64520);
        String zebraOnly = "vrf red\n vni 100\nexit-vrf\n!\nvrf blue\n vni 200\nexit-vrf\n!\n";

        List<ApplyStages.Stage> stages = ApplyStages.before(target, zebraOnly);

        assertEquals(1, stages.size());
        assertEquals(target.routers(), stages.get(0).config().routers());
        assertEquals(List.of(new VrfVni("blue", 200)), stages.get(0).config().vrfVnis());
    }

    @Test
    void aVrfInstanceChangingAsIsRemovedWithItsVniThenRecreatedBeforeItsVni() {
        FrrConfig target = Configs.evpnWithL3vni(Configs.UNDERLAY_ASN, 64520);

        List<ApplyStages.Stage> stages = ApplyStages.before(target, renderer.render(Configs.evpnWithL3vni()));

        assertEquals(2, stages.size());
        FrrConfig teardown = stages.get(0).config();
        assertEquals(List.of(new VrfVni("blue", 200)), teardown.vrfVnis());
        assertEquals(List.of("blue"), vrfNames(teardown.vrfRouters()));
        assertEquals(target.defaultRouter(), teardown.defaultRouter());
        assertEquals("the BGP instance of vrf red changes AS: removing it and its VNI first", stages.get(0).reason());
        assertEquals(target.routers(), stages.get(1).config().routers());
        assertEquals(List.of(new VrfVni("blue", 200)), stages.get(1).config().vrfVnis());
    }

    @Test
    void theDefaultInstanceChangingAsTakesEveryInstanceAndVniDownFirst() {
        FrrConfig target = Configs.evpnWithL3vni(64600, 64520);

        List<ApplyStages.Stage> stages = ApplyStages.before(target, renderer.render(Configs.evpnWithL3vni()));

        assertEquals(2, stages.size());
        FrrConfig teardown = stages.get(0).config();
        assertEquals(List.of(), teardown.vrfVnis());
        assertEquals(List.<BgpRouter>of(), teardown.routers());
        assertEquals(target.hostname(), teardown.hostname());
        assertEquals(List.of(new VrfVni("blue", 200)), stages.get(1).config().vrfVnis(),
                "blue shares the new default AS: its VNI may come with its instance");
    }

    @Test
    void rawSnippetsStayWhileInstancesComeBeforeVnisAndAreLeftOutOfATeardown() {
        List<RawSnippet> snippets = List.of(new RawSnippet("rawfrrconfig maps", "rawConfig", 0, "route-map M permit 10\nexit"));
        FrrConfig target = Configs.evpnWithL3vni(Configs.UNDERLAY_ASN, 64520).withRawSnippets(snippets);

        List<ApplyStages.Stage> stages = ApplyStages.before(target, renderer.render(Configs.evpnWithL3vni()));

        assertEquals(List.of(), stages.get(0).config().rawSnippets(), "they could recreate what the teardown removes");
        assertEquals(snippets, stages.get(1).config().rawSnippets(), "what they set, a route map in use, does not flap");
    }

    private static List<String> vrfNames(List<BgpRouter> routers) {
        return routers.stream().map(r -> r.vrf().orElseThrow()).toList();
    }
}
