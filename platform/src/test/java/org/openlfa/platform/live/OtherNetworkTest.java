package org.openlfa.platform.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openlfa.agents.AclMessage;
import org.openlfa.agents.Agent;
import org.openlfa.agents.AgentId;
import org.openlfa.agents.DsoAgent;
import org.openlfa.agents.Transport;
import org.openlfa.agents.usef.CongestionPoint;
import org.openlfa.agents.usef.FlexRequest;
import org.openlfa.community.CommunitySettings;
import org.openlfa.community.Household;
import org.openlfa.community.NetworkSettings;
import org.openlfa.community.grid.DsoSettings;
import org.openlfa.grid.Load;
import org.openlfa.grid.LvNetwork;
import org.openlfa.grid.enwl.EnwlNetworks;

/**
 * The platform's DSO, flexibility desk and UFTP bridge on a shipped ENWL network other than the reference: its homes,
 * its feeders, its congestion points and their addresses all come from the settings' network.
 */
class OtherNetworkTest {

    private static final int NETWORK = 5;

    private static CommunitySettings onNetwork5(double transformerRatingInKva) {
        DsoSettings builtIn = DsoSettings.builtIn();
        DsoSettings dso = new DsoSettings(transformerRatingInKva, builtIn.policy(), builtIn.aggregatorMarginFraction(),
                builtIn.reinforcement(), builtIn.sources(), builtIn.sourceFile());
        return CommunitySettings.defaults().withDso(dso)
                .withNetwork(NetworkSettings.of(EnwlNetworks.folder(NETWORK), null));
    }

    @Test
    void theDsoRunsTheSettingsNetworkAndItsCongestionPointsTravelUnderItsId() {
        CommunitySettings settings = onNetwork5(50);
        assertThat(settings.network().id()).isEqualTo("network_" + NETWORK);
        LvNetwork network = settings.loadNetwork();
        assertThat(settings.network().communities().feedersByCommunity()).hasSize(network.feederNumbers().size());
        try (LiveDso dso = new LiveDso(null, settings, null, day -> Map.of())) {
            assertThat(dso.households()).extracting(Household::id)
                    .containsExactlyElementsOf(network.loads().stream().map(Load::name).toList());
            // every home draws 6 kW all day behind a 50 kVA transformer: the DSO asks the aggregator for flexibility
            int ptus = settings.grid().ptusPerDay();
            double[][] net = new double[ptus][dso.households().size()];
            for (double[] ptu : net) {
                Arrays.fill(ptu, 6.0);
            }
            DsoAgent agent = new DsoAgent(new AgentId("dso"), "dso.openlfa.example", dso.observer(),
                    settings.dso().policy(), settings.dso().transformerRatingInKva(), settings.grid());
            List<AclMessage> sent = new ArrayList<>();
            List<FlexRequest> requests = agent.requestFlexibility(agent.assess("2030-01-15", net),
                    new AgentId("agr"), "agr.openlfa.example", capture(sent));
            assertThat(requests).isNotEmpty();
            assertThat(sent).hasSameSizeAs(requests);
            UftpBridge bridge = new UftpBridge(settings.network().id());
            for (FlexRequest r : requests) {
                CongestionPoint p = r.congestionPoint();
                assertThat(p.isTransformer() || network.feederNumbers().contains(p.feeder())).as(p.toString())
                        .isTrue();
                FlexRequest wire = (FlexRequest) bridge.toWire(r);
                assertThat(wire.congestionPoint().address())
                        .isEqualTo("ea1.2026-11.example.openlfa:network_" + NETWORK + "." + p);
                assertThat(((FlexRequest) bridge.fromWire(wire)).congestionPoint()).isEqualTo(p);
            }
        }
        // a point of the reference network is not one of this network's: it stays an address
        CongestionPoint other = new UftpBridge(NetworkSettings.REFERENCE_ID).point(CongestionPoint.feeder(1));
        assertThat(new UftpBridge(settings.network().id()).pointBack(other)).isEqualTo(other);
    }

    @Test
    void theFlexibilityDeskTakesAHomesFeederFromTheNetworksLoads() {
        CommunitySettings settings = onNetwork5(500);
        LvNetwork network = settings.loadNetwork();
        try (LiveFlexibility desk = new LiveFlexibility(settings, null, day -> null)) {
            for (Load load : network.loads()) {
                assertThat(desk.feederOf(load.name())).as(load.name()).isEqualTo(load.feeder());
            }
            assertThat(desk.feederOf("F99_LOAD1")).isNull();
            assertThat(desk.feederOf("somebody")).isNull();
        }
        // and on the reference network, its own loads
        try (LiveFlexibility reference = new LiveFlexibility(CommunitySettings.defaults(), null, day -> null)) {
            assertThat(reference.feederOf("F3_LOAD12")).isEqualTo(3);
        }
    }

    private static Transport capture(List<AclMessage> sent) {
        return new Transport() {
            @Override
            public void register(AgentId id, Agent agent) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void send(AclMessage message) {
                sent.add(message);
            }

            @Override
            public void deliverAll() {
            }
        };
    }
}
