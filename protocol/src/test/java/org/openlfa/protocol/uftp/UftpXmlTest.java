package org.openlfa.protocol.uftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openlfa.agents.usef.Disposition;
import org.openlfa.agents.usef.FlexOffer;
import org.openlfa.agents.usef.FlexOrder;
import org.openlfa.agents.usef.FlexRequest;
import org.openlfa.agents.usef.FlexSettlement;
import org.openlfa.agents.usef.UftpHeader;
import org.openlfa.protocol.RejectedMessage;

class UftpXmlTest {

    private static final UftpXml UFTP = new UftpXml();

    static Stream<Record> messages() {
        return Samples.all().stream();
    }

    @ParameterizedTest
    @MethodSource("messages")
    void everyMessageTypeRoundTrips(Record message) throws RejectedMessage {
        String xml = UFTP.write(message);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + UftpXml.elementName(
                message.getClass()) + " Version=\"3.0.0\"");
        assertThat(UFTP.read(xml)).isEqualTo(message);
        assertThat(UFTP.read(xml.getBytes(StandardCharsets.UTF_8), message.getClass())).isEqualTo(message);
    }

    @Test
    void writesTheSpecificationsNamesAndWatts() {
        String xml = UFTP.write(Samples.flexRequest());
        assertThat(xml).contains("ISP-Duration=\"PT15M\"", "TimeZone=\"Europe/London\"", "Period=\"2030-01-15\"",
                "CongestionPoint=\"ean.871685900012345678\"", "Revision=\"1\"", "ContractID=\"C-2030-001\"",
                "ServiceType=\"CongestionManagement\"",
                // the end of the period in the market's time zone (GMT in January)
                "ExpirationDateTime=\"2030-01-16T00:00:00Z\"",
                // kW to integer W, UFTP's unit; Duration="1" is the default and left out
                "<ISP Disposition=\"Requested\" MinPower=\"-60500\" MaxPower=\"-30001\" Start=\"69\"/>",
                "<ISP Disposition=\"Available\" MinPower=\"-100000\" MaxPower=\"100000\" Start=\"1\" Duration=\"68\"/>");
        assertThat(UFTP.write(Samples.flexOffer())).contains("Currency=\"EUR\"",
                "<OfferOption OptionReference=\"A\" Price=\"41.25\" MinActivationFactor=\"0.50\">",
                "<ISP Power=\"-32500\" Start=\"69\" Duration=\"8\"/>");
        assertThat(UFTP.write(Samples.flexSettlement())).contains("<ISP Start=\"69\" BaselinePower=\"120250\""
                + " OrderedFlexPower=\"-32500\" ActualPower=\"90000\" DeliveredFlexPower=\"-30250\""
                + " PowerDeficiency=\"2250\"/>");
        assertThat(UFTP.write(Samples.prognosis())).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<D-Prognosis ");
    }

    @Test
    void readsHandWrittenSamplesShapedLikeTheSpecification() throws RejectedMessage {
        FlexRequest request = UFTP.read(Samples.sample("flex-request.xml").getBytes(StandardCharsets.UTF_8),
                FlexRequest.class);
        assertThat(request.header()).isEqualTo(new UftpHeader("3.0.0", "dso.openlfa.example", "agr.openlfa.example",
                "2030-01-14T16:00:00.000Z", "8d3e1b6a-0f4c-4d2e-9b7a-1c2d3e4f5a6b",
                "6b8e2f0a-3c1d-4e5f-9a7b-0c1d2e3f4a5b"));
        assertThat(request.isps()).containsExactly(
                new FlexRequest.FlexRequestIsp(Disposition.AVAILABLE, -100, 100, 1, 68),
                new FlexRequest.FlexRequestIsp(Disposition.REQUESTED, -60, -30, 69, 8),   // W to kW
                new FlexRequest.FlexRequestIsp(Disposition.AVAILABLE, -100, 100, 77, 20));
        assertThat(request.contractId()).isEqualTo("C-2030-001");
        assertThat(request.serviceType()).isEqualTo("CongestionManagement");

        FlexOffer offer = UFTP.read(Samples.sample("flex-offer.xml").getBytes(StandardCharsets.UTF_8),
                FlexOffer.class);
        assertThat(offer.flexRequestMessageId()).isEqualTo(request.header().messageId());
        assertThat(offer.options()).containsExactly(
                new FlexOffer.FlexOfferOption("A", List.of(new FlexOffer.FlexOfferIsp(-32.5, 69, 8)), 41.25, 0.5),
                // MinActivationFactor left out: the catalogue's default 1.00
                new FlexOffer.FlexOfferOption("B", List.of(new FlexOffer.FlexOfferIsp(-30, 69, 4)), 19.9, 1.0));

        FlexOrder order = UFTP.read(Samples.sample("flex-order.xml").getBytes(StandardCharsets.UTF_8),
                FlexOrder.class);
        assertThat(order.activationFactor()).isEqualTo(1.0);
        assertThat(order.optionReference()).isEqualTo("A");
        assertThat(order.orderReference()).isEqualTo("PO-2030-0042");
        assertThat(order.currency()).isEqualTo("EUR");
        assertThat(order.isps()).containsExactly(new FlexOffer.FlexOfferIsp(-32.5, 69, 8));

        FlexSettlement settlement = UFTP.read(Samples.sample("flex-settlement.xml").getBytes(StandardCharsets.UTF_8),
                FlexSettlement.class);
        assertThat(settlement.orderSettlements()).hasSize(1);
        FlexSettlement.FlexOrderSettlement s = settlement.orderSettlements().get(0);
        assertThat(s.netSettlementInEur()).isEqualTo(37.75);
        // Duration="2" becomes two ISPs; the XSD's spelling "PoweDeficiency" is read too
        assertThat(s.isps()).containsExactly(
                new FlexSettlement.SettlementIsp(69, 120.25, -32.5, 90, -30.25, 2.25),
                new FlexSettlement.SettlementIsp(70, 120.25, -32.5, 90, -30.25, 2.25),
                new FlexSettlement.SettlementIsp(71, 118, -32.5, 85.5, -32.5, 0));
        assertThat(settlement.totalInEur()).isEqualTo(37.75);

        Prognosis prognosis = UFTP.read(Samples.sample("d-prognosis.xml").getBytes(StandardCharsets.UTF_8),
                Prognosis.class);
        assertThat(prognosis.revision()).isEqualTo(2);
        assertThat(prognosis.isps()).containsExactly(new Prognosis.PrognosisIsp(80.5, 1, 68),
                new Prognosis.PrognosisIsp(120.25, 69, 8), new Prognosis.PrognosisIsp(-12, 77, 20));
    }

    static Stream<Arguments> refusals() {
        String request = Samples.sample("flex-request.xml");
        String offer = Samples.sample("flex-offer.xml");
        String settlement = Samples.sample("flex-settlement.xml");
        String prognosis = Samples.sample("d-prognosis.xml");
        return Stream.of(
                Arguments.of(request.replace("MessageID=\"8d3e1b6a-0f4c-4d2e-9b7a-1c2d3e4f5a6b\"", ""),
                        "FlexRequest@MessageID: missing, expected a UUID"),
                Arguments.of(request.replace("8d3e1b6a-0f4c-4d2e-9b7a-1c2d3e4f5a6b", "FlexRequest-42"),
                        "FlexRequest@MessageID: expected a UUID, got \"FlexRequest-42\""),
                Arguments.of(request.replace("MinPower=\"-60000\"", "MinPower=\"-60000.5\""),
                        "FlexRequest/ISP[2]@MinPower: expected an integer number of watts"),
                Arguments.of(request.replace("MaxPower=\"-30000\"", "MaxPower=\"-70000\""),
                        "FlexRequest/ISP[2]@MaxPower: expected at least MinPower (-60000), got \"-70000\""),
                Arguments.of(request.replace("Disposition=\"Requested\"", "Disposition=\"Urgent\""),
                        "FlexRequest/ISP[2]@Disposition: expected Requested or Available, got \"Urgent\""),
                Arguments.of(request.replace("Start=\"77\"", "Start=\"76\""),
                        "FlexRequest/ISP[3]@Start: expected each ISP addressed once, but ISP 76 is already covered"),
                Arguments.of(request.replace("Duration=\"20\"", "Duration=\"21\""),
                        "FlexRequest/ISP[3]@Duration: expected ISPs 77..97 to lie within the 96 ISPs of 2030-01-15"),
                Arguments.of(request.replace("Start=\"1\"", "Start=\"0\""),
                        "FlexRequest/ISP[1]@Start: expected an ISP number within the 96 ISPs of 2030-01-15, got \"0\""),
                Arguments.of(request.replace("Europe/London", "Europe/Amsterdam"),
                        "FlexRequest@TimeZone: expected Europe/London (this market's time zone),"
                                + " got \"Europe/Amsterdam\""),
                Arguments.of(request.replace("PT15M", "PT7M"),
                        "FlexRequest@ISP-Duration: expected PT<m>M with m minutes dividing an hour"),
                Arguments.of(request.replace("Period=\"2030-01-15\"", "Period=\"2030-02-30\""),
                        "FlexRequest@Period: expected a date yyyy-mm-dd, got \"2030-02-30\""),
                Arguments.of(request.replace("2030-01-14T16:00:00.000Z", "2030-01-14 16:00"),
                        "FlexRequest@TimeStamp: expected a date and time with its UTC offset"),
                Arguments.of(request.replace("ean.871685900012345678", "F1"),
                        "FlexRequest@CongestionPoint: expected an entity address"),
                Arguments.of(request.replace("SenderDomain=\"dso.openlfa.example\"", "SenderDomain=\"DSO\""),
                        "FlexRequest@SenderDomain: expected an internet domain"),
                Arguments.of(request.replace("Version=\"3.0.0\"", "Version=\"2.0.0\""),
                        "FlexRequest@Version: expected 3.x.y (UFTP 3), got \"2.0.0\""),
                Arguments.of(request.replace("<ISP Disposition=\"Available\" MinPower=\"-100000\" MaxPower=\"100000\""
                        + " Start=\"1\" Duration=\"68\"/>", "<Isp/>"),
                        "FlexRequest: unexpected element Isp, expected ISP"),
                Arguments.of(request.replaceAll("<ISP [^>]*/>", ""), "FlexRequest: expected at least 1 ISP element"),
                Arguments.of(request.replace("</FlexRequest>", "hello</FlexRequest>"),
                        "FlexRequest: expected only elements inside, found text \"hello\""),
                Arguments.of(request.replace("<FlexRequest", "<FlexRequest xmlns=\"urn:other\""),
                        "FlexRequest: expected no XML namespace (UFTP 3.0 has none), found urn:other"),
                Arguments.of(request.replace("FlexRequest", "FlexRequestResponse"),
                        "root element FlexRequestResponse: expected one of FlexRequest, FlexOffer"),
                Arguments.of(request.replace("</FlexRequest>", ""), "malformed UFTP message (line"),
                Arguments.of(offer.replace("Currency=\"EUR\"", "Currency=\"GBP\""),
                        "FlexOffer@Currency: expected EUR (the platform's records and settlement are in euros)"),
                Arguments.of(offer.replace("Price=\"41.25\"", "Price=\"41.25001\""),
                        "FlexOffer/OfferOption[1]@Price: expected an amount with at most 4 decimals"),
                Arguments.of(offer.replace("MinActivationFactor=\"0.50\"", "MinActivationFactor=\"0\""),
                        "FlexOffer/OfferOption[1]@MinActivationFactor: expected a factor 0.01..1.00"),
                Arguments.of(offer.replace("Power=\"-30000\"", "Power=\"-3000000000000000\""),
                        "FlexOffer/OfferOption[2]/ISP[1]@Power: expected an integer number of watts"),
                Arguments.of(settlement.replace("NetSettlement=\"37.75\"", ""),
                        "FlexSettlement/FlexOrderSettlement[1]@NetSettlement: missing, expected an amount"),
                Arguments.of(settlement.replace("Start=\"71\"", "Start=\"70\""),
                        "FlexSettlement/FlexOrderSettlement[1]/ISP[2]@Start: expected each ISP addressed once"),
                Arguments.of(prognosis.replace("Duration=\"20\"", "Duration=\"19\""),
                        "D-Prognosis: expected a Power for every one of the 96 ISPs of 2030-01-15, got 95"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusesWithTheElementTheAttributeAndWhatIsExpected(String xml, String reason) {
        assertThatThrownBy(() -> UFTP.read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedMessage.class).hasMessageStartingWith(reason);
    }

    @Test
    void daylightSavingDaysHave92And100QuarterHours() throws RejectedMessage {
        // 2030: British Summer Time starts on Sunday 31 March and ends on Sunday 27 October.
        String prognosis = Samples.sample("d-prognosis.xml").replace("Start=\"77\" Duration=\"20\"",
                "Start=\"77\" Duration=\"DURATION\"");
        Prognosis spring = UFTP.read(prognosis.replace("2030-01-15", "2030-03-31").replace("DURATION", "16")
                .getBytes(StandardCharsets.UTF_8), Prognosis.class);
        assertThat(spring.isps().get(2).duration()).isEqualTo(16);   // 92 ISPs
        Prognosis autumn = UFTP.read(prognosis.replace("2030-01-15", "2030-10-27").replace("DURATION", "24")
                .getBytes(StandardCharsets.UTF_8), Prognosis.class);
        assertThat(autumn.isps().get(2).duration()).isEqualTo(24);   // 100 ISPs
        assertThatThrownBy(() -> UFTP.read(prognosis.replace("DURATION", "24").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("within the 96 ISPs of 2030-01-15");
        assertThatThrownBy(() -> UFTP.read(prognosis.replace("2030-10-27", "2030-01-15").replace("2030-01-15",
                "2030-03-31").replace("DURATION", "20").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("within the 92 ISPs of 2030-03-31");
    }

    @Test
    void anotherMarketsTimeZoneIsWrittenAndRequired() throws RejectedMessage {
        UftpXml amsterdam = new UftpXml("Europe/Amsterdam");
        String xml = amsterdam.write(Samples.flexOffer());
        assertThat(xml).contains("TimeZone=\"Europe/Amsterdam\"", "ExpirationDateTime=\"2030-01-16T00:00:00+01:00\"");
        assertThat(amsterdam.read(xml)).isEqualTo(Samples.flexOffer());
        assertThatThrownBy(() -> UFTP.read(xml)).hasMessageContaining("@TimeZone: expected Europe/London");
        assertThatThrownBy(() -> new UftpXml("Asia/Tokyo")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UftpXml("Europe/Atlantis")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textIsEscapedAndRoundTrips() throws RejectedMessage {
        FlexRequest r = Samples.flexRequest();
        String odd = "C<1> & \"2\" 'x'\n\tend é 😀";
        FlexRequest withOddText = new FlexRequest(r.header(), r.ispDurationIso(), r.period(), r.congestionPoint(),
                r.revision(), odd, null, r.isps());
        String xml = UFTP.write(withOddText);
        assertThat(xml).contains("ContractID=\"C&lt;1&gt; &amp; &quot;2&quot; 'x'&#10;&#9;end é 😀\"")
                .doesNotContain("ServiceType");
        assertThat(UFTP.read(xml)).isEqualTo(withOddText);
    }

    @Test
    void refusesToWriteWhatHasNoUftpForm() {
        FlexRequest r = Samples.flexRequest();
        // The study's DsoAgent bounds a request by infinity on one side; UFTP has integers only.
        FlexRequest unbounded = new FlexRequest(r.header(), r.ispDurationIso(), r.period(), r.congestionPoint(), 1,
                null, null, List.of(new FlexRequest.FlexRequestIsp(Disposition.REQUESTED, Double.NEGATIVE_INFINITY,
                -30, 69, 1)));
        assertThatThrownBy(() -> UFTP.write(unbounded)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("MinPower: -Infinity kW has no UFTP form");
        FlexOffer o = Samples.flexOffer();
        assertThatThrownBy(() -> UFTP.write(new FlexOffer(o.header(), o.ispDurationIso(), o.period(),
                o.congestionPoint(), null, null, List.of()))).hasMessageContaining("at least one OfferOption");
        // the study's message ids and day labels are not UFTP's UUIDs and dates
        FlexRequest studyIds = new FlexRequest(new UftpHeader("3.0.0", Samples.DSO, Samples.AGR,
                "2030Green-High/WINTER", "FlexRequest-T-1", "c-1"), "PT15M", "2030-01-15", Samples.POINT, 1, null,
                null, r.isps());
        assertThatThrownBy(() -> UFTP.write(studyIds)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not valid UFTP: FlexRequest@TimeStamp: expected a date and time");
        FlexOrder order = Samples.flexOrder();
        assertThatThrownBy(() -> UFTP.write(new FlexOrder(order.header(), order.ispDurationIso(), order.period(),
                order.congestionPoint(), order.flexOfferMessageId(), null, null, "PO-1", order.isps(), 10, "GBP", 1)))
                .hasMessageContaining("@Currency: expected EUR");
        assertThatThrownBy(() -> UFTP.write(new FlexOrder(order.header(), order.ispDurationIso(), order.period(),
                order.congestionPoint(), order.flexOfferMessageId(), "bell\u0007", null, "PO-1", order.isps(), 10,
                "EUR", 1))).hasMessageContaining("ContractID: character U+7 cannot appear in XML 1.0");
        assertThatThrownBy(() -> UFTP.write(new FlexOrder(order.header(), order.ispDurationIso(), order.period(),
                order.congestionPoint(), order.flexOfferMessageId(), null, null, "PO-1", order.isps(), 10, "EUR", 0)))
                .hasMessageContaining("@ActivationFactor: expected a factor 0.01..1.00");
    }

    @Test
    void powerIsRoundedToTheWatt() throws RejectedMessage {
        Prognosis p = Samples.prognosis();
        Prognosis fine = new Prognosis(p.header(), p.ispDurationIso(), p.period(), p.congestionPoint(), 1,
                List.of(new Prognosis.PrognosisIsp(1.23456, 1, 96)));
        String xml = UFTP.write(fine);
        assertThat(xml).contains("Power=\"1235\"");
        assertThat(UFTP.read(xml.getBytes(StandardCharsets.UTF_8), Prognosis.class).isps().get(0).powerInKw()).isEqualTo(1.235);
    }

    @Test
    void typedReadRefusesAnotherKind() {
        String offer = UFTP.write(Samples.flexOffer());
        assertThatThrownBy(() -> UFTP.read(offer.getBytes(StandardCharsets.UTF_8), FlexOrder.class))
                .isInstanceOf(RejectedMessage.class).hasMessage("expected a FlexOrder message, got a FlexOffer");
    }

    @Test
    void timeStampsConvertForTheReplayGuard() {
        assertThat(UftpXml.timeStampEpochMs(Samples.fromDso("x"))).isEqualTo(1_894_636_800_000L);
        assertThat(UftpXml.timeStampEpochMs(Samples.fromAgr("x"))).isEqualTo(1_894_636_800_000L + 300_250);
        assertThatThrownBy(() -> UftpXml.timeStampEpochMs(new UftpHeader("3.0.0", "a", "b", "PTU 68", "x", "y")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------------------------------ XML attacks

    @Test
    void externalEntitiesCannotReadFiles(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-42");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE FlexRequest [<!ENTITY xxe SYSTEM \"" + secret.toUri()
                + "\">]>\n" + Samples.sample("flex-request.xml").replaceFirst("<\\?xml[^>]*>", "")
                .replace("C-2030-001", "&xxe;");
        assertThatThrownBy(() -> UFTP.read(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedMessage.class).hasMessageContaining("DOCTYPE")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOP-SECRET"));
        String parameterEntity = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY % p SYSTEM \"" + secret.toUri()
                + "\"> %p;]><x/>";
        assertThatThrownBy(() -> UFTP.read(parameterEntity.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedMessage.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void externalDtdsAreNeverFetched() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + listener.getLocalPort() + "/uftp.dtd";
            for (String xml : List.of(
                    "<?xml version=\"1.0\"?><!DOCTYPE FlexRequest SYSTEM \"" + url + "\"><FlexRequest/>",
                    "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"" + url + "\">]><x>&e;</x>")) {
                assertThatThrownBy(() -> UFTP.read(xml.getBytes(StandardCharsets.UTF_8)))
                        .isInstanceOf(RejectedMessage.class).hasMessageContaining("DOCTYPE");
            }
            listener.setSoTimeout(300);
            assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);   // nobody called
        }
    }

    @Test
    void entityExpansionBombsAreRefusedAtOnce() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                bomb.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            bomb.append("\">");
        }
        bomb.append("]><FlexRequest ContractID=\"&lol9;\"/>");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> UFTP.read(bomb.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedMessage.class).hasMessageContaining("DOCTYPE");
        assertThat(System.nanoTime() - t0).isLessThan(2_000_000_000L);
    }

    @Test
    void xincludeIsNotProcessed() {
        String xml = Samples.sample("flex-request.xml").replace("<FlexRequest",
                "<FlexRequest xmlns:xi=\"http://www.w3.org/2001/XInclude\"").replace("</FlexRequest>",
                "<xi:include href=\"file:///etc/passwd\" parse=\"text\"/></FlexRequest>");
        assertThatThrownBy(() -> UFTP.read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedMessage.class)
                .hasMessage("FlexRequest/include: expected no XML namespace (UFTP 3.0 has none), found "
                        + "http://www.w3.org/2001/XInclude");
    }

    @Test
    void oversizedAndDeeplyNestedDocumentsAreRefused() {
        byte[] big = new byte[UftpXml.MAX_XML_BYTES + 1];
        assertThatThrownBy(() -> UFTP.read(big)).hasMessageStartingWith("UFTP message too large");
        String deep = "<FlexRequest>" + "<ISP>".repeat(50_000) + "</ISP>".repeat(50_000) + "</FlexRequest>";
        assertThatThrownBy(() -> UFTP.read(deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedMessage.class).hasMessageStartingWith("malformed UFTP message")
                .hasMessageContaining("maxElementDepth");
        assertThatThrownBy(() -> UFTP.read(new byte[0])).hasMessage("malformed UFTP message: empty");
        assertThatThrownBy(() -> UFTP.read(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0}))
                .isInstanceOf(RejectedMessage.class).hasMessageStartingWith("malformed UFTP message");
    }

    @Test
    void settlementExpansionIsCapped() {
        StringBuilder xml = new StringBuilder(Samples.sample("flex-settlement.xml").replaceAll(
                "(?s)<FlexOrderSettlement.*</ContractSettlement>", "ORDERS"));
        StringBuilder orders = new StringBuilder();
        int n = UftpXml.MAX_SETTLEMENT_ISPS / UftpXml.MAX_ISPS_PER_DAY + 1;
        for (int i = 0; i < n; i++) {
            orders.append("<FlexOrderSettlement Period=\"2030-01-15\" CongestionPoint=\"ean.871685900012345678\""
                    + " Price=\"1\" NetSettlement=\"1\"><ISP Start=\"1\" Duration=\"1500\" BaselinePower=\"0\""
                    + " OrderedFlexPower=\"0\" ActualPower=\"0\" DeliveredFlexPower=\"0\"/></FlexOrderSettlement>");
        }
        String bomb = xml.toString().replace("ORDERS", orders);
        assertThat(bomb.length()).isLessThan(100_000);
        assertThatThrownBy(() -> UFTP.read(bomb.getBytes(StandardCharsets.UTF_8)))
                .hasMessage("FlexSettlement: more than 250000 settlement ISPs (counting each ISP a Duration covers)");
    }
}
