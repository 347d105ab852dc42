package org.openlfa.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openlfa.platform.LiveTesting.await;
import static org.openlfa.platform.LiveTesting.number;
import static org.openlfa.platform.LiveTesting.text;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.security.KeyPair;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlfa.agents.usef.CongestionPoint;
import org.openlfa.agents.usef.Disposition;
import org.openlfa.agents.usef.FlexOffer;
import org.openlfa.agents.usef.FlexRequest;
import org.openlfa.agents.usef.UftpHeader;
import org.openlfa.protocol.uftp.SenderKeys;
import org.openlfa.protocol.uftp.SignedMessage;
import org.openlfa.protocol.uftp.UftpKeys;
import org.openlfa.protocol.uftp.UftpXml;
import org.openlfa.community.grid.DsoSettings;
import org.openlfa.community.CommunitySettings;
import org.openlfa.community.NetworkSettings;
import org.openlfa.cems.ApiClient;
import org.openlfa.platform.live.UftpBridge;
import org.openlfa.platform.live.UftpLink;
import org.openlfa.protocol.mqtt.Topics;
import org.openlfa.protocol.security.Tls;

/**
 * Grid flexibility (UC3) over the network: the aggregator's signed D-Prognoses reach the DSO, whose power flow of the
 * reference network (here behind a transformer too small for its evening peak) turns PTUs orange; its FlexRequests,
 * the aggregator's offers (from calls to the energy boxes over MQTT), the orders, the revised prognoses and the
 * settlement all travel as signed UFTP and are stored; a tampered message is refused.
 */
class LiveGridFlexibilityTest {

    /** Homes with a battery or an EV: flexibility the DSO can buy. */
    private static final String[] HOMES = {"F1_LOAD4", "F1_LOAD19", "F1_LOAD24", "F1_LOAD30", "F2_LOAD8"};
    private static final Instant MIDNIGHT = Instant.parse("2030-01-15T00:00:00Z");
    /** The reference network's transformer as UFTP names it. */
    private static final CongestionPoint TRANSFORMER = new UftpBridge(NetworkSettings.REFERENCE_ID)
            .point(CongestionPoint.transformer());

    @TempDir
    Path dir;

    @Test
    void congestionIsRequestedOfferedOrderedAndSettledAsSignedUftp() throws Exception {
        DsoSettings builtIn = DsoSettings.builtIn();
        DsoSettings small = new DsoSettings(250.0, builtIn.policy(), builtIn.aggregatorMarginFraction(),
                builtIn.reinforcement(), builtIn.sources(), builtIn.sourceFile());
        CommunitySettings settings = LiveTesting.quick().withDso(small);
        try (Platform p = Platform.start(new Platform.Config(dir.resolve("data"), "127.0.0.1", 0, 0), settings);
             LiveTesting.Homes homes = LiveTesting.Homes.connect(p, dir.resolve("data"), HOMES)) {
            homes.boxes().forEach(h -> h.startPtu(MIDNIGHT));
            await(() -> number(p, "SELECT count(*) FROM flex_message WHERE kind = 'settlement'") == 1 ? true : null,
                    Duration.ofSeconds(90));
            assertThat(number(p, "SELECT count(*) FROM grid_state")).isEqualTo(96);
            assertThat(number(p, "SELECT count(*) FROM flex_message WHERE kind = 'prognosis'")).isEqualTo(4);
            assertThat(number(p, "SELECT count(*) FROM flex_message WHERE kind = 'request'")).isPositive();
            assertThat(number(p, "SELECT count(*) FROM flex_message WHERE kind = 'offer'"))
                    .isEqualTo(number(p, "SELECT count(*) FROM flex_message WHERE kind = 'request'"));
            assertThat(number(p, "SELECT count(*) FROM flex_message WHERE kind = 'order'")).isPositive();
            // the homes were asked over the network and answered: their flexibility proposals are stored bids
            assertThat(number(p, "SELECT count(*) FROM bid WHERE round = -1")).isPositive();
            // after flexibility, no PTU is still as bad as before: orange where the orders did not suffice
            assertThat(number(p, "SELECT count(*) FROM grid_state WHERE regime IN ('YELLOW', 'ORANGE')")).isPositive();
            String signed = text(p, "SELECT signed_xml FROM flex_message WHERE kind = 'order' LIMIT 1");
            assertThat(signed).startsWith("<?xml").contains("SenderRole=\"DSO\"");
            // tampered: one character of the signed body changed
            int body = signed.indexOf("Body=\"") + 20;
            String tampered = signed.substring(0, body) + (signed.charAt(body) == 'A' ? 'B' : 'A')
                    + signed.substring(body + 1);
            long rejected = number(p, "SELECT count(*) FROM rejected_message");
            assertThat(p.uftp().receive(tampered.getBytes(StandardCharsets.UTF_8), UftpLink.AGGREGATOR)).isEmpty();
            // and the genuine one again: a replay
            assertThat(p.uftp().receive(signed.getBytes(StandardCharsets.UTF_8), UftpLink.AGGREGATOR)).isEmpty();
            assertThat(number(p, "SELECT count(*) FROM rejected_message")).isEqualTo(rejected + 2);
        }
    }

    @Test
    void aRegisteredDsoOutsideThePlatformRequestsFlexibilityAndGetsASignedOffer() throws Exception {
        try (Platform p = Platform.start(new Platform.Config(dir.resolve("data"), "127.0.0.1", 0, 0),
                LiveTesting.quick());
             LiveTesting.Homes homes = LiveTesting.Homes.connect(p, dir.resolve("data"), HOMES)) {
            Path ca = dir.resolve("data/tls/server.crt");
            ApiClient api = new ApiClient(p.apiUrl(), ca);
            String operator = Files.readString(dir.resolve("data/operator.token")).trim();
            homes.boxes().forEach(h -> h.startPtu(MIDNIGHT));
            await(() -> p.coordination(LocalDate.parse("2030-01-15")), Duration.ofSeconds(60));

            // a DSO of its own: registered under its UFTP domain with its Ed25519 public key
            String domain = "dso.enwl.example";
            KeyPair keys = UftpKeys.generate();
            ApiClient.Response registered = api.post("/api/agents", operator, "{\"id\":\"" + domain
                    + "\",\"role\":\"dso\",\"publicKey\":\"" + UftpKeys.encodePublicKeyBase64(keys.getPublic())
                    + "\"}");
            assertThat(registered.status()).isEqualTo(201);
            BlockingQueue<byte[]> inbox = new LinkedBlockingQueue<>();
            MqttClient dso = new MqttClient(p.brokerUrl(), domain, new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setUserName(domain);
            o.setPassword(registered.body().get("token").asText().toCharArray());
            o.setSocketFactory(Tls.clientContext(ca).getSocketFactory());
            o.setHttpsHostnameVerificationEnabled(true);
            dso.connect(o);
            dso.subscribe(Topics.inbox(domain), 1, (topic, message) -> inbox.add(message.getPayload()));

            // it asks for 5 kW less at the transformer from 18:00 to 19:00
            String requestId = UUID.randomUUID().toString();
            FlexRequest request = new FlexRequest(new UftpHeader(UftpHeader.UFTP_VERSION, domain,
                    UftpLink.AGGREGATOR.domain(), Instant.now().toString(), requestId, UUID.randomUUID().toString()),
                    "PT15M", "2030-01-15", TRANSFORMER, 1, "contract-1", "CongestionManagement",
                    List.of(new FlexRequest.FlexRequestIsp(Disposition.REQUESTED, -UftpBridge.UNBOUNDED_IN_KW, -5.0,
                            73, 4)));
            dso.publish(Topics.outbox(domain), SignedMessage.sign(new UftpXml(), request, keys.getPrivate())
                    .getBytes(StandardCharsets.UTF_8), 1, false);
            byte[] answer = inbox.poll(60, TimeUnit.SECONDS);
            assertThat(answer).as("a signed offer in the DSO's inbox").isNotNull();
            SignedMessage.Verified offer = SignedMessage.verify(answer, SenderKeys.of(Map.of(
                    SenderKeys.id(UftpLink.AGGREGATOR.domain(), SignedMessage.Role.AGR),
                    p.uftp().publicKey(UftpLink.AGGREGATOR))));
            assertThat(offer.message()).isInstanceOfSatisfying(FlexOffer.class, f -> {
                assertThat(f.flexRequestMessageId()).isEqualTo(requestId);
                assertThat(f.header().recipientDomain()).isEqualTo(domain);
            });
            assertThat(number(p, "SELECT count(*) FROM flex_message WHERE kind = 'request' AND sender_domain = '"
                    + domain + "'")).isEqualTo(1);

            // signed with another key; and a home passing the DSO's genuine message on as its own
            FlexRequest forged = new FlexRequest(new UftpHeader(UftpHeader.UFTP_VERSION, domain,
                    UftpLink.AGGREGATOR.domain(), Instant.now().toString(), UUID.randomUUID().toString(),
                    UUID.randomUUID().toString()), "PT15M", "2030-01-15", TRANSFORMER, 1, "contract-1",
                    "CongestionManagement", request.isps());
            dso.publish(Topics.outbox(domain), SignedMessage.sign(new UftpXml(), forged,
                    UftpKeys.generate().getPrivate()).getBytes(StandardCharsets.UTF_8), 1, false);
            homes.clients().get(0).publishOutboxRaw(SignedMessage.sign(new UftpXml(), forged, keys.getPrivate())
                    .getBytes(StandardCharsets.UTF_8));
            await(() -> number(p, "SELECT count(*) FROM rejected_message WHERE reason LIKE 'signature does not "
                    + "verify%' OR reason LIKE 'signed as " + domain + " but sent by " + HOMES[0] + "%'") == 2 ? true
                    : null, Duration.ofSeconds(20));
            assertThat(inbox.poll(3, TimeUnit.SECONDS)).as("no offer for a refused request").isNull();
            dso.disconnect();
            dso.close();
        }
    }
}
