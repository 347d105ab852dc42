package org.openlfa.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openlfa.agents.AclMessage;
import org.openlfa.agents.AgentId;
import org.openlfa.agents.MessageContent;
import org.openlfa.agents.Performative;
import org.openlfa.core.PtuSeries;

/**
 * The exact bytes of every content's wire form, pinned: the energy boxes in the field and the platform must keep
 * understanding each other whatever does the encoding. Each message also decodes back to itself.
 */
class WireFormatTest {

    private static final long T = 1_894_579_200_000L;   // 2030-01-14
    private static final UUID ID = UUID.fromString("0f1e2d3c-4b5a-4697-8877-665544332211");
    private static final String HEAD = "{\"messageId\":\"0f1e2d3c-4b5a-4697-8877-665544332211\","
            + "\"sentAtMs\":1894579200123,"
            + "\"ptuStartMs\":1894579200000,\"ptuMinutes\":15,\"performative\":\"%s\",\"sender\":\"F1_LOAD1\","
            + "\"receivers\":[\"aggregator\",\"other\"],\"conversationId\":\"c-1\",\"content\":";

    static Stream<Arguments> contents() {
        return Stream.of(
                Arguments.of(Performative.INFORM, new MessageContent.PlanReport(PtuSeries.of(0.42, -1.5, 0, 1e-7, 12),
                        0.01), "{\"type\":\"PlanReport\",\"netInKw\":[0.42,-1.5,0.0,1.0E-7,12.0],\"billInEur\":0.01}"),
                Arguments.of(Performative.PROPOSE, new MessageContent.NetScheduleProposal(3, PtuSeries.of(1, 2.25)),
                        "{\"type\":\"NetScheduleProposal\",\"round\":3,\"netInKw\":[1.0,2.25]}"),
                Arguments.of(Performative.CFP, new MessageContent.CommunityPriceSignal(0, PtuSeries.of(0.1, 0.2)),
                        "{\"type\":\"CommunityPriceSignal\",\"round\":0,\"priceInEurPerKwh\":[0.1,0.2]}"),
                Arguments.of(Performative.CFP, new MessageContent.RestOfCommunitySignal(10_000, PtuSeries.of(-3)),
                        "{\"type\":\"RestOfCommunitySignal\",\"round\":10000,\"restOfCommunityNetInKw\":[-3.0]}"),
                Arguments.of(Performative.ACCEPT_PROPOSAL, new MessageContent.ScheduleAward(PtuSeries.of(0.25, 0.75)),
                        "{\"type\":\"ScheduleAward\",\"weightsOfProposals\":[0.25,0.75]}"),
                Arguments.of(Performative.CFP, new MessageContent.FlexibilityCall(PtuSeries.of(Double.NaN, 2.5),
                        PtuSeries.of(-1, Double.NaN)),
                        "{\"type\":\"FlexibilityCall\",\"maxNetInKw\":[null,2.5],\"minNetInKw\":[-1.0,null]}"),
                Arguments.of(Performative.PROPOSE, new MessageContent.FlexibilityProposal(PtuSeries.of(1000, -1000),
                        0.5), "{\"type\":\"FlexibilityProposal\",\"netInKw\":[1000.0,-1000.0],\"extraCostInEur\":0.5}"),
                Arguments.of(Performative.REJECT_PROPOSAL, new MessageContent.FlexibilityVerdict(),
                        "{\"type\":\"FlexibilityVerdict\"}"));
    }

    @ParameterizedTest
    @MethodSource("contents")
    void encodesTheWireFormatAndDecodesItBack(Performative performative, MessageContent content, String json)
            throws RejectedMessage {
        Envelope e = envelope(performative, content);
        String expected = String.format(HEAD, performative.name()) + json + "}";
        assertThat(new String(WireCodec.encode(e), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(WireCodec.decode(expected.getBytes(StandardCharsets.UTF_8), "F1_LOAD1")).isEqualTo(e);
        assertThat(WireCodec.decode(expected.getBytes(StandardCharsets.UTF_8), null)).isEqualTo(e);
    }

    @Test
    void aReadingWithLoadAndPvMeteredApart() throws RejectedMessage {
        Envelope e = WireCodec.reading(ID, "F1_LOAD1", T, 15, 0.42, 0.01, T + 123);
        String json = new String(WireCodec.encodeReading(e, OptionalDouble.of(1.5), OptionalDouble.of(1.08)),
                StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"messageId\":\"0f1e2d3c-4b5a-4697-8877-665544332211\","
                + "\"sentAtMs\":1894579200123,"
                + "\"ptuStartMs\":1894579200000,\"ptuMinutes\":15,\"performative\":\"INFORM\",\"sender\":\"F1_LOAD1\","
                + "\"receivers\":[\"aggregator\"],\"conversationId\":\"meter-F1_LOAD1\",\"content\":{\"type\":"
                + "\"PlanReport\",\"netInKw\":[0.42],\"billInEur\":0.01,\"loadInKw\":[1.5],\"pvInKw\":[1.08]}}");
        assertThat(new String(WireCodec.encodeReading(e, OptionalDouble.empty(), OptionalDouble.empty()),
                StandardCharsets.UTF_8)).isEqualTo(new String(WireCodec.encode(e), StandardCharsets.UTF_8));
        MeterReading r = WireCodec.decodeReading(json.getBytes(StandardCharsets.UTF_8), "F1_LOAD1");
        assertThat(r).isEqualTo(new MeterReading(ID, "F1_LOAD1", T, 15, 0.42, 0.01, T + 123, OptionalDouble.of(1.5),
                OptionalDouble.of(1.08)));
        // the agent-message decoder reads the same bytes as a PlanReport, the metered-apart figures aside
        assertThat(WireCodec.decode(json.getBytes(StandardCharsets.UTF_8), "F1_LOAD1")).isEqualTo(e);
    }

    @Test
    void usefMessagesHaveNoJsonForm() {
        assertThatThrownBy(() -> WireCodec.encode(envelope(Performative.CFP, new MessageContent.Usef(null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UFTP XML");
    }

    /** Every refusal of the agent-message decoder, with its reason. */
    static Stream<Arguments> refusals() {
        String ok = "{\"type\":\"NetScheduleProposal\",\"round\":3,\"netInKw\":[1.0,2.25]}";
        String head = String.format(HEAD, "PROPOSE");
        return Stream.of(
                Arguments.of("not json", "malformed JSON"),
                Arguments.of("[1]", "malformed: not a JSON object"),
                Arguments.of("", "malformed: not a JSON object"),
                Arguments.of(head.replace("0f1e2d3c-4b5a-4697-8877-665544332211", "x") + ok + "}",
                        "malformed: messageId is not a UUID"),
                Arguments.of(head.replace("\"messageId\":\"0f1e2d3c-4b5a-4697-8877-665544332211\"", "\"messageId\":7")
                        + ok + "}", "malformed: messageId missing"),
                Arguments.of(head.replace("PROPOSE", "SHOUT") + ok + "}", "unknown performative SHOUT"),
                Arguments.of(head.replace("\"performative\":\"PROPOSE\",", "") + ok + "}",
                        "malformed: performative missing"),
                Arguments.of(head + ok + "}", "wrong sender: F1_LOAD1 on the topic of someone"),
                Arguments.of(head.replace("\"sender\":\"F1_LOAD1\"", "\"sender\":\" \"") + ok + "}",
                        "malformed: sender missing"),
                Arguments.of(head.replace("[\"aggregator\",\"other\"]", "[]") + ok + "}",
                        "malformed: receivers must list 1..16 agents"),
                Arguments.of(head.replace("[\"aggregator\",\"other\"]", "\"aggregator\"") + ok + "}",
                        "malformed: receivers must list 1..16 agents"),
                Arguments.of(head.replace("[\"aggregator\",\"other\"]", "[\"aggregator\",3]") + ok + "}",
                        "malformed: a receiver is not an agent id"),
                Arguments.of(head.replace("[\"aggregator\",\"other\"]", "[\"aggregator\",\"\"]") + ok + "}",
                        "malformed: a receiver is not an agent id"),
                Arguments.of(head.replace("\"c-1\"", "null") + ok + "}", "malformed: conversationId missing"),
                Arguments.of(head.replace("1894579200123", "\"1894579200123\"") + ok + "}",
                        "malformed: sentAtMs must be an integer"),
                Arguments.of(head.replace("1894579200123", "1894579200123.5") + ok + "}",
                        "malformed: sentAtMs must be an integer"),
                Arguments.of(head.replace("\"ptuStartMs\":1894579200000,", "") + ok + "}",
                        "malformed: ptuStartMs must be an integer"),
                Arguments.of(head.replace("\"ptuMinutes\":15", "\"ptuMinutes\":7") + ok + "}",
                        "out of range: ptuMinutes 7 (1..60, dividing an hour)"),
                Arguments.of(head.replace("1894579200123", "94579200123") + ok + "}",
                        "out of range: timestamps must lie in 2000..2100"),
                Arguments.of(head + "null}", "malformed: content missing"),
                Arguments.of(head + "[]}", "malformed: content missing"),
                Arguments.of(head.substring(0, head.length() - ",\"content\":".length()) + "}",
                        "malformed: content missing"),
                Arguments.of(head + "{\"round\":1}}", "unknown content type ''"),
                Arguments.of(head + "{\"type\":\"Usef\"}}", "unknown content type 'Usef'"),
                Arguments.of(head + "{\"type\":\"Gossip\",\"round\":1}}", "unknown content type 'Gossip'"),
                Arguments.of(head + ok.replace("3", "10001") + "}", "out of range: round 10001 (0..10000)"),
                Arguments.of(head + ok.replace("3", "-1") + "}", "out of range: round -1 (0..10000)"),
                Arguments.of(head + ok.replace("3", "30000000000") + "}",
                        "out of range: round 30000000000 (0..10000)"),
                Arguments.of(head + ok.replace("3", "3.5") + "}", "malformed: round must be an integer"),
                Arguments.of(head + ok.replace("3", "\"3\"") + "}", "malformed: round must be an integer"),
                Arguments.of(head + ok.replace("\"round\":3,", "") + "}", "malformed: round must be an integer"),
                Arguments.of(head + ok.replace("[1.0,2.25]", "[]") + "}",
                        "malformed: netInKw must hold 1..1440 numbers"),
                Arguments.of(head + ok.replace("[1.0,2.25]", "1.0") + "}",
                        "malformed: netInKw must hold 1..1440 numbers"),
                Arguments.of(head + ok.replace(",\"netInKw\":[1.0,2.25]", "") + "}",
                        "malformed: netInKw must hold 1..1440 numbers"),
                Arguments.of(head + ok.replace("[1.0,2.25]", "[1.0," + "0,".repeat(1440) + "0]") + "}",
                        "malformed: netInKw must hold 1..1440 numbers"),
                Arguments.of(head + ok.replace("2.25", "null") + "}",
                        "out of range: netInKw[1] must be a number with |x| <= 1000.0"),
                Arguments.of(head + ok.replace("2.25", "\"2\"") + "}",
                        "out of range: netInKw[1] must be a number with |x| <= 1000.0"),
                Arguments.of(head + ok.replace("2.25", "1000.5") + "}",
                        "out of range: netInKw[1] must be a number with |x| <= 1000.0"),
                Arguments.of(head + ok.replace("2.25", "1e999") + "}",
                        "out of range: netInKw[1] must be a number with |x| <= 1000.0"),
                Arguments.of(head + ok.replace("2.25", "[2]") + "}",
                        "out of range: netInKw[1] must be a number with |x| <= 1000.0"),
                Arguments.of(head + "{\"type\":\"FlexibilityCall\",\"maxNetInKw\":[null,true],\"minNetInKw\":[1]}}",
                        "out of range: maxNetInKw[1] must be null or a number with |x| <= 1000.0"),
                Arguments.of(head + "{\"type\":\"FlexibilityCall\",\"maxNetInKw\":[null],\"minNetInKw\":[]}}",
                        "malformed: minNetInKw must hold 1..1440 numbers or nulls"),
                Arguments.of(head + "{\"type\":\"PlanReport\",\"netInKw\":[1],\"billInEur\":\"0.1\"}}",
                        "malformed: billInEur must be a number"),
                Arguments.of(head + "{\"type\":\"PlanReport\",\"netInKw\":[1],\"billInEur\":null}}",
                        "malformed: billInEur must be a number"),
                Arguments.of(head + "{\"type\":\"PlanReport\",\"netInKw\":[1]}}",
                        "malformed: billInEur must be a number"),
                Arguments.of(head + "{\"type\":\"FlexibilityProposal\",\"netInKw\":[1],\"extraCostInEur\":1001}}",
                        "out of range: extraCostInEur 1001.0 (|x| <= 1000.0)"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusesWithTheReason(String json, String reason) {
        String topic = json.contains("\"sender\":\"F1_LOAD1\"") && reason.startsWith("wrong sender") ? "someone"
                : "F1_LOAD1";
        assertThatThrownBy(() -> WireCodec.decode(json.getBytes(StandardCharsets.UTF_8), topic))
                .isInstanceOf(RejectedMessage.class).hasMessage(reason);
    }

    /** Every refusal of the meter-reading decoder, with its reason. */
    static Stream<Arguments> readingRefusals() {
        String head = String.format(HEAD, "INFORM").replace(",\"other\"", "");
        String ok = "{\"type\":\"PlanReport\",\"netInKw\":[0.42],\"billInEur\":0.01}";
        return Stream.of(
                Arguments.of("{", "malformed JSON"),
                Arguments.of("7", "malformed: not a JSON object"),
                Arguments.of(head.replace("INFORM", "CFP") + ok + "}",
                        "unexpected performative CFP (a reading is INFORM)"),
                Arguments.of(head.replace("\"performative\":\"INFORM\",", "") + ok + "}",
                        "malformed: performative missing"),
                Arguments.of(head.replace("F1_LOAD1", "F2") + ok + "}", "wrong sender: F2 on the topic of F1_LOAD1"),
                Arguments.of(head.replace("[\"aggregator\"]", "[{}]") + ok + "}",
                        "malformed: a receiver is not an agent id"),
                Arguments.of(head.replace("\"c-1\"", "\"\"") + ok + "}", "malformed: conversationId missing"),
                Arguments.of(head.replace("\"ptuMinutes\":15", "\"ptuMinutes\":0") + ok + "}",
                        "out of range: ptuMinutes 0 (1..60, dividing an hour)"),
                Arguments.of(head.replace("\"ptuMinutes\":15", "\"ptuMinutes\":15.0") + ok + "}",
                        "malformed: ptuMinutes must be an integer"),
                Arguments.of(head + "7}", "unexpected content (a reading is a PlanReport)"),
                Arguments.of(head + "{\"netInKw\":[0.42],\"billInEur\":0.01}}",
                        "unexpected content (a reading is a PlanReport)"),
                Arguments.of(head + "{\"type\":\"NetScheduleProposal\",\"round\":1,\"netInKw\":[1]}}",
                        "unexpected content (a reading is a PlanReport)"),
                Arguments.of(head.substring(0, head.length() - ",\"content\":".length()) + "}",
                        "unexpected content (a reading is a PlanReport)"),
                Arguments.of(head + ok.replace("[0.42]", "[0.42,1]") + "}",
                        "malformed: netInKw must hold one number (this PTU)"),
                Arguments.of(head + ok.replace("[0.42]", "[null]") + "}",
                        "malformed: netInKw must hold one number (this PTU)"),
                Arguments.of(head + ok.replace("[0.42]", "[\"1\"]") + "}",
                        "malformed: netInKw must hold one number (this PTU)"),
                Arguments.of(head + ok.replace("[0.42]", "0.42") + "}",
                        "malformed: netInKw must hold one number (this PTU)"),
                Arguments.of(head + ok.replace("[0.42]", "[]") + "}",
                        "malformed: netInKw must hold one number (this PTU)"),
                Arguments.of(head + ok.replace("[0.42]", "[100.5]") + "}",
                        "out of range: netInKw 100.5 (|x| <= 100.0)"),
                Arguments.of(head + ok.replace("[0.42]", "[-1e999]") + "}",
                        "out of range: netInKw -Infinity (|x| <= 100.0)"),
                Arguments.of(head + ok.replace("0.01", "\"0.01\"") + "}", "malformed: billInEur missing"),
                Arguments.of(head + ok.replace(",\"billInEur\":0.01", "") + "}", "malformed: billInEur missing"),
                Arguments.of(head + ok.replace("0.01", "100.5") + "}", "out of range: billInEur 100.5"),
                Arguments.of(head + ok.replace("}", ",\"loadInKw\":1.5}") + "}",
                        "malformed: loadInKw must hold one number (this PTU) or be absent"),
                Arguments.of(head + ok.replace("}", ",\"pvInKw\":[null]}") + "}",
                        "malformed: pvInKw must hold one number (this PTU) or be absent"),
                Arguments.of(head + ok.replace("}", ",\"pvInKw\":[1,2]}") + "}",
                        "malformed: pvInKw must hold one number (this PTU) or be absent"),
                Arguments.of(head + ok.replace("}", ",\"loadInKw\":[-0.5]}") + "}",
                        "out of range: loadInKw -0.5 (0..100.0)"));
    }

    @ParameterizedTest
    @MethodSource("readingRefusals")
    void refusesAReadingWithTheReason(String json, String reason) {
        assertThatThrownBy(() -> WireCodec.decodeReading(json.getBytes(StandardCharsets.UTF_8), "F1_LOAD1"))
                .isInstanceOf(RejectedMessage.class).hasMessage(reason);
    }

    @Test
    void aReadingMayStateItsMeteredApartFiguresAsNull() throws RejectedMessage {
        String json = String.format(HEAD, "INFORM") + "{\"type\":\"PlanReport\",\"netInKw\":[0.42],"
                + "\"billInEur\":0.01,"
                + "\"loadInKw\":null,\"pvInKw\":[0],\"extra\":{\"ignored\":true}},\"alsoIgnored\":1}";
        MeterReading r = WireCodec.decodeReading(json.getBytes(StandardCharsets.UTF_8), "F1_LOAD1");
        assertThat(r).isEqualTo(new MeterReading(ID, "F1_LOAD1", T, 15, 0.42, 0.01, T + 123, OptionalDouble.empty(),
                OptionalDouble.of(0)));
    }

    private static Envelope envelope(Performative performative, MessageContent content) {
        return new Envelope(ID, T + 123, T, 15, new AclMessage(performative, new AgentId("F1_LOAD1"),
                List.of(new AgentId("aggregator"), new AgentId("other")), "c-1", content));
    }
}
