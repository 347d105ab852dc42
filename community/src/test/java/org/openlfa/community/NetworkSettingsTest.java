package org.openlfa.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlfa.grid.enwl.EnwlNetworks;
import org.openlfa.model.scenario.ScenarioLoader;

class NetworkSettingsTest {

    @Test
    void theDefaultIsTheReferenceNetworkWithItsThreeCommunities() {
        NetworkSettings ref = NetworkSettings.of(null, null);
        assertThat(ref).isEqualTo(NetworkSettings.reference());
        assertThat(ref.id()).isEqualTo("network_22");
        assertThat(ref.isBuiltIn()).isTrue();
        assertThat(ref.communities()).isEqualTo(Communities.network22Default());
        assertThat(ref.households()).hasSize(184);
        assertThat(CommunitySettings.defaults().network()).isEqualTo(ref);
    }

    @Test
    void anotherShippedNetworkHasOneCommunityPerFeederAndItsOwnStudyHomes() {
        NetworkSettings n5 = NetworkSettings.of(EnwlNetworks.folder(5), null);
        assertThat(n5.id()).isEqualTo("network_5");
        assertThat(n5.isBuiltIn()).isFalse();
        List<Integer> feeders = n5.load(500).feederNumbers();
        assertThat(n5.communities().feedersByCommunity()).hasSize(feeders.size());
        List<Household> homes = n5.households();
        assertThat(StudyHomes.all(ScenarioLoader.loadBuiltIn("2030Green-High"), n5).keySet())
                .containsExactlyElementsOf(homes.stream().map(Household::id).toList());
    }
}
