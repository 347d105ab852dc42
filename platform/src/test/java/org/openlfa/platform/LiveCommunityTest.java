package org.openlfa.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openlfa.platform.LiveTesting.await;
import static org.openlfa.platform.LiveTesting.number;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlfa.agents.AclMessage;
import org.openlfa.agents.Agent;
import org.openlfa.agents.AgentId;
import org.openlfa.agents.MessageContent;
import org.openlfa.agents.Performative;
import org.openlfa.agents.Transport;
import org.openlfa.core.PtuSeries;
import org.openlfa.optim.CommunityDay;
import org.openlfa.optim.CoordinationResult;
import org.openlfa.optim.HomeSchedule;
import org.openlfa.community.CommunitySettings;
import org.openlfa.cems.ApiClient;
import org.openlfa.cems.CemsClient;
import org.openlfa.cems.LiveCems;
import org.openlfa.protocol.Envelope;
import org.openlfa.protocol.WireCodec;

/**
 * The community over the network: energy boxes of study homes plan a day, the platform's aggregator coordinates it
 * over MQTT (CFP / PROPOSE / ACCEPT), the homes run their awards, and the local market clears every PTU from their
 * readings, without a member that stays silent or drops off.
 */
class LiveCommunityTest {

    private static final String[] HOMES = {"F1_LOAD1", "F1_LOAD2", "F1_LOAD3", "F1_LOAD4"};
    private static final LocalDate DAY = LocalDate.parse("2030-01-15");
    private static final Instant MIDNIGHT = Instant.parse("2030-01-15T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void homesNegotiateTheirDayAndTradeEveryPtuWithoutSilentMembers() throws Exception {
        CommunitySettings settings = LiveTesting.quick();
        try (Platform p = Platform.start(new Platform.Config(dir.resolve("data"), "127.0.0.1", 0, 0), settings);
             LiveTesting.Homes connected = LiveTesting.Homes.connect(p, dir.resolve("data"), HOMES)) {
            Path ca = dir.resolve("data/tls/server.crt");
            ApiClient api = new ApiClient(p.apiUrl(), ca);
            String operator = Files.readString(dir.resolve("data/operator.token")).trim();
            List<CemsClient> clients = connected.clients();
            List<LiveCems> homes = connected.boxes();
            // a member that plans but never answers a call, and sends a bid the aggregator cannot use
            CemsClient mute = CemsClient.connect(p.apiUrl(), "mute-1", api.registerAgent(operator, "mute-1", "cems"),
                    ca, null);
            Transport muteLink = mute.attach(new Agent() {
                @Override
                public AgentId id() {
                    return new AgentId("mute-1");
                }

                @Override
                public void receive(AclMessage message, Transport transport) {
                    // silent: a home whose energy box hangs
                }
            }, () -> MIDNIGHT.toEpochMilli(), 15);
            muteLink.send(new AclMessage(Performative.PROPOSE, new AgentId("mute-1"),
                    List.of(new AgentId(WireCodec.AGGREGATOR)), "x", new MessageContent.NetScheduleProposal(1,
                    PtuSeries.of(1, 2, 3))));
            // a bid sent twice (a replay), and one whose time stamp is ten minutes old (stale)
            byte[] plan = WireCodec.encode(new Envelope(java.util.UUID.randomUUID(), System.currentTimeMillis(),
                    MIDNIGHT.toEpochMilli(), 15, new AclMessage(Performative.INFORM, new AgentId("mute-1"),
                    List.of(new AgentId(WireCodec.AGGREGATOR)), "plan-mute-1-replay",
                    new MessageContent.PlanReport(PtuSeries.zeros(96), 0))));
            mute.publishOutboxRaw(plan);
            mute.publishOutboxRaw(plan);
            mute.publishOutboxRaw(WireCodec.encode(new Envelope(java.util.UUID.randomUUID(),
                    System.currentTimeMillis() - 600_000, MIDNIGHT.toEpochMilli(), 15, new AclMessage(
                    Performative.INFORM, new AgentId("mute-1"), List.of(new AgentId(WireCodec.AGGREGATOR)),
                    "plan-mute-1-stale", new MessageContent.PlanReport(PtuSeries.zeros(96), 0)))));
            muteLink.send(new AclMessage(Performative.INFORM, new AgentId("mute-1"),
                    List.of(new AgentId(WireCodec.AGGREGATOR)), "plan-mute-1", new MessageContent.PlanReport(
                    PtuSeries.zeros(96), 0)));

            List<HomeSchedule> ownPlans = new ArrayList<>();
            for (LiveCems h : homes) {
                ownPlans.add(h.startPtu(MIDNIGHT).orElseThrow());
            }
            CoordinationResult result = await(() -> p.coordination(DAY), Duration.ofSeconds(60));
            assertThat(result.memberNetInKw()).as("coordinated without the silent member").hasSize(HOMES.length);
            double ownBills = ownPlans.stream().mapToDouble(HomeSchedule::costInEur).sum();
            assertThat(result.costInEur()).isLessThanOrEqualTo(ownBills + 1e-6);

            // the awards reached the homes: what they run now is what the aggregator settled on
            CommunityDay day = new CommunityDay(settings.grid(), settings.importPriceInEurPerKwh(DAY),
                    settings.exportPriceInEurPerKwh(DAY), new double[96]);
            await(() -> {
                double[] total = new double[96];
                for (LiveCems h : homes) {
                    double[] net = h.runningSchedule().netInKw();
                    for (int t = 0; t < 96; t++) {
                        total[t] += net[t];
                    }
                }
                return Math.abs(day.costInEur(total) - result.costInEur()) < 1e-3 ? total : null;
            }, Duration.ofSeconds(20));

            // every PTU clears from the readings
            for (int k = 0; k < 4; k++) {
                Instant ptu = MIDNIGHT.plusSeconds(900L * k);
                homes.forEach(h -> h.endPtu(ptu));
                int cleared = k + 1;
                await(() -> number(p, "SELECT count(*) FROM market_clearing") >= cleared ? true : null, Duration.ofSeconds(20));
            }
            assertThat(number(p, "SELECT count(*) FROM market_clearing WHERE participants = " + HOMES.length))
                    .isEqualTo(4);

            // a member whose connection dies is marked, and the next PTU clears at once without it
            clients.get(3).dropLikeACrash();
            await(() -> number(p, "SELECT count(*) FROM agent WHERE id = 'F1_LOAD4' AND NOT connected") == 1 ? true
                    : null, Duration.ofSeconds(20));
            Instant ptu4 = MIDNIGHT.plusSeconds(900L * 4);
            for (int i = 0; i < 3; i++) {
                homes.get(i).endPtu(ptu4);
            }
            await(() -> number(p, "SELECT count(*) FROM market_clearing") >= 5 ? true : null, Duration.ofSeconds(20));
            assertThat(number(p, "SELECT participants FROM market_clearing WHERE ptu_start = '2030-01-15 01:00:00+00'"))
                    .isEqualTo(3);

            // a connected member that does not report is waited for, then left out and named absent
            Instant ptu5 = MIDNIGHT.plusSeconds(900L * 5);
            homes.get(0).endPtu(ptu5);
            homes.get(1).endPtu(ptu5);
            await(() -> number(p, "SELECT count(*) FROM market_clearing") >= 6 ? true : null, Duration.ofSeconds(20));
            assertThat(number(p, "SELECT count(*) FROM market_clearing WHERE ptu_start = '2030-01-15 01:15:00+00' "
                    + "AND participants = 2 AND 'F1_LOAD3' = ANY(absent) AND 'mute-1' = ANY(absent)")).isEqualTo(1);
            assertThat(number(p, "SELECT count(*) FROM agent_event WHERE agent_id = 'F1_LOAD3' AND event = 'absent'"))
                    .isEqualTo(1);

            // money and energy balance in every clearing: what buyers take locally, sellers give
            assertThat(number(p, "SELECT count(*) FROM market_clearing m WHERE abs(m.traded_kwh - coalesce((SELECT "
                    + "sum(energy_kwh) FROM trade t WHERE t.ptu_start = m.ptu_start AND side = 'buy'), 0)) > 1e-9 "
                    + "OR abs(m.traded_kwh - coalesce((SELECT sum(energy_kwh) FROM trade t WHERE t.ptu_start = "
                    + "m.ptu_start AND side = 'sell'), 0)) > 1e-9")).isZero();
            // bids: every plan and every proposal, stored once; the unusable one refused with its reason
            assertThat(number(p, "SELECT count(*) FROM bid WHERE round = 0")).isEqualTo(HOMES.length + 2);
            assertThat(number(p, "SELECT count(*) FROM rejected_message WHERE agent_id = 'mute-1' AND reason LIKE "
                    + "'replayed%'")).isEqualTo(1);
            assertThat(number(p, "SELECT count(*) FROM rejected_message WHERE agent_id = 'mute-1' AND reason LIKE "
                    + "'too old%'")).isEqualTo(1);
            assertThat(number(p, "SELECT count(*) FROM bid WHERE round > 0")).isGreaterThanOrEqualTo(HOMES.length);
            assertThat(number(p, "SELECT count(*) FROM rejected_message WHERE agent_id = 'mute-1' AND reason LIKE "
                    + "'a proposal holds 96 PTUs%'")).isEqualTo(1);
            mute.close();
        }
    }
}
