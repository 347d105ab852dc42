package org.openlfa.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.UUID;
import org.openlfa.agents.AclMessage;
import org.openlfa.agents.AgentId;
import org.openlfa.agents.MessageContent;
import org.openlfa.agents.Performative;
import org.openlfa.core.PtuSeries;

/**
 * JSON form of {@link Envelope}s, and the checks a meter reading must pass. Every refusal is a
 * {@link RejectedMessage} whose message is the reason sent back to the agent.
 *
 * <pre>{@code
 * byte[] json = WireCodec.encode(WireCodec.reading(UUID.randomUUID(), "F1_LOAD1", ptuStart, 15, 0.42, 0.01, now));
 * MeterReading r = WireCodec.decodeReading(json, "F1_LOAD1");   // throws RejectedMessage with a reason
 * }</pre>
 *
 * Wire form: {@code {"messageId":"…","sentAtMs":…,"ptuStartMs":…,"ptuMinutes":15,"performative":"INFORM",
 * "sender":"F1_LOAD1","receivers":["aggregator"],"conversationId":"meter-F1_LOAD1",
 * "content":{"type":"PlanReport","netInKw":[0.42],"billInEur":0.01}}}: a reading is the study's INFORM with a
 * {@link MessageContent.PlanReport} of one PTU (the plan the home ran, as metered).
 *
 * <p>Jackson binds the messages ({@link WireJson}: the envelope record, a mix-in naming the contents, a
 * {@code PtuSeries} as an array of numbers); what this class adds are the checks: ranges, lengths, sender and ids,
 * each with the reason an agent is told, the same reasons the tree-model codec before it gave.
 */
public final class WireCodec {

    /** Limits of a plausible home: a UK domestic connection is at most 100 A on three phases (about 70 kW). */
    public static final double MAX_ABS_NET_KW = 100.0;
    public static final double MAX_ABS_BILL_EUR = 100.0;
    /** The platform's aggregator: where readings go. */
    public static final String AGGREGATOR = "aggregator";
    /** Bound on every number of a negotiation message (kW, EUR/kWh, EUR, weights): far beyond any home. */
    public static final double MAX_ABS_VALUE = 1_000.0;
    /** A day in one-minute PTUs: the longest array a message may carry. */
    public static final int MAX_VALUES = 1_440;
    private static final int MAX_ROUND = 10_000;

    private static final long YEAR_2000_MS = 946_684_800_000L;
    private static final long YEAR_2100_MS = 4_102_444_800_000L;

    private WireCodec() {
    }

    /** A reading as an envelope. */
    public static Envelope reading(UUID id, String agent, long ptuStartEpochMs, int ptuMinutes, double netInKw,
                                   double billInEur, long sentAtEpochMs) {
        AclMessage acl = new AclMessage(Performative.INFORM, new AgentId(agent), List.of(new AgentId(AGGREGATOR)),
                "meter-" + agent, new MessageContent.PlanReport(PtuSeries.of(netInKw), billInEur));
        return new Envelope(id, sentAtEpochMs, ptuStartEpochMs, ptuMinutes, acl);
    }

    /**
     * The JSON bytes of an envelope. Every content of the study's negotiation has a wire form; the USEF messages
     * travel as signed UFTP XML instead (see {@code org.openlfa.protocol.uftp}).
     */
    public static byte[] encode(Envelope e) {
        if (e.acl().content() instanceof MessageContent.Usef) {
            throw new IllegalArgumentException("USEF messages travel as signed UFTP XML, not as JSON envelopes");
        }
        try {
            return WireJson.ENVELOPE_WRITER.writeValueAsBytes(WireJson.Wire.of(e));
        } catch (JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
    }

    /**
     * The JSON bytes of a reading (an envelope with a {@link MessageContent.PlanReport}) with the household load and
     * PV metered apart (each may be absent).
     */
    public static byte[] encodeReading(Envelope e, OptionalDouble loadInKw, OptionalDouble pvInKw) {
        if (!(e.acl().content() instanceof MessageContent.PlanReport plan)) {
            throw new IllegalArgumentException("a reading is a PlanReport, not " + e.acl().content());
        }
        WireJson.Wire<MessageContent> w = WireJson.Wire.of(e);
        WireJson.ReadingContent content = new WireJson.ReadingContent("PlanReport", plan.netInKw(), plan.billInEur(),
                loadInKw.isPresent() ? PtuSeries.of(loadInKw.getAsDouble()) : null,
                pvInKw.isPresent() ? PtuSeries.of(pvInKw.getAsDouble()) : null);
        try {
            return WireJson.MAPPER.writeValueAsBytes(new WireJson.Wire<>(w.messageId(), w.sentAtMs(), w.ptuStartMs(),
                    w.ptuMinutes(), w.performative(), w.sender(), w.receivers(), w.conversationId(), content));
        } catch (JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
    }

    /**
     * Parses and checks any agent message that arrived on the topic of {@code topicAgent}: the envelope, the
     * performative, a known content whose arrays are finite, at most a day of minutes long and within
     * {@link #MAX_ABS_VALUE}.
     *
     * @throws RejectedMessage with the reason
     */
    public static Envelope decode(byte[] payload, String topicAgent) throws RejectedMessage {
        WireJson.Wire<JsonNode> w = envelope(payload);
        UUID id = messageId(w.messageId());
        String performativeName = text(w.performative(), "performative");
        Performative performative;
        try {
            performative = Performative.valueOf(performativeName);
        } catch (IllegalArgumentException e) {
            throw new RejectedMessage("unknown performative " + performativeName);
        }
        String sender = text(w.sender(), "sender");
        if (topicAgent != null && !sender.equals(topicAgent)) {
            throw new RejectedMessage("wrong sender: " + sender + " on the topic of " + topicAgent);
        }
        List<AgentId> to = receivers(w.receivers());
        String conversation = text(w.conversationId(), "conversationId");
        long sentAt = integer(w.sentAtMs(), "sentAtMs");
        long ptuStart = integer(w.ptuStartMs(), "ptuStartMs");
        int ptuMinutes = ptuMinutes(w.ptuMinutes());
        checkTimes(sentAt, ptuStart);
        if (w.content() == null || !w.content().isObject()) {
            throw new RejectedMessage("malformed: content missing");
        }
        MessageContent c;
        try {
            c = WireJson.CONTENT_READER.readValue(w.content());
        } catch (IOException | RuntimeException e) {
            throw new RejectedMessage(contentReason(e, w.content()));
        }
        check(c);
        try {
            return new Envelope(id, sentAt, ptuStart, ptuMinutes, new AclMessage(performative, new AgentId(sender),
                    to, conversation, c));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RejectedMessage("malformed: " + e.getMessage());
        }
    }

    /** The range checks of a bound content, field by field in the order of its record. */
    private static void check(MessageContent c) throws RejectedMessage {
        if (c instanceof MessageContent.PlanReport p) {
            values(p.netInKw(), "netInKw");
            number(p.billInEur(), "billInEur");
        } else if (c instanceof MessageContent.NetScheduleProposal p) {
            round(p.round());
            values(p.netInKw(), "netInKw");
        } else if (c instanceof MessageContent.CommunityPriceSignal p) {
            round(p.round());
            values(p.priceInEurPerKwh(), "priceInEurPerKwh");
        } else if (c instanceof MessageContent.RestOfCommunitySignal p) {
            round(p.round());
            values(p.restOfCommunityNetInKw(), "restOfCommunityNetInKw");
        } else if (c instanceof MessageContent.ScheduleAward p) {
            values(p.weightsOfProposals(), "weightsOfProposals");
        } else if (c instanceof MessageContent.FlexibilityCall p) {
            limits(p.maxNetInKw(), "maxNetInKw");
            limits(p.minNetInKw(), "minNetInKw");
        } else if (c instanceof MessageContent.FlexibilityProposal p) {
            values(p.netInKw(), "netInKw");
            number(p.extraCostInEur(), "extraCostInEur");
        } else if (!(c instanceof MessageContent.FlexibilityVerdict)) {
            throw new RejectedMessage("unknown content type '" + c.getClass().getSimpleName() + "'");
        }
    }

    /**
     * Parses the payload (a syntax error anywhere is "malformed JSON", as it always was) and binds the envelope,
     * leaving its content a tree until the envelope has passed its checks: a message with faults in both is refused
     * for the envelope's, as before. A field of the wrong JSON type is refused while binding, so where a message has
     * several faults the reason may name another of them than the tree-model codec did.
     */
    private static WireJson.Wire<JsonNode> envelope(byte[] payload) throws RejectedMessage {
        JsonNode root;
        try {
            // through a String, as before: bytes that are not UTF-8 become U+FFFD rather than a refusal
            root = WireJson.MAPPER.readTree(new String(payload, StandardCharsets.UTF_8));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new RejectedMessage("malformed JSON");
        }
        if (root == null || !root.isObject()) {
            throw new RejectedMessage("malformed: not a JSON object");
        }
        try {
            return WireJson.ENVELOPE_READER.readValue(root);
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
            throw new RejectedMessage(field == null ? "malformed: not a JSON object" : switch (field) {
                case "receivers" -> e.getPath().size() > 1 ? "malformed: a receiver is not an agent id"
                        : "malformed: receivers must list 1..16 agents";
                case "sentAtMs", "ptuStartMs", "ptuMinutes" -> "malformed: " + field + " must be an integer";
                default -> "malformed: " + field + " missing";
            });
        } catch (IOException | RuntimeException e) {
            throw new RejectedMessage("malformed JSON");
        }
    }

    /** Why a content did not bind: which field, and whether its shape (malformed) or a series element was wrong. */
    private static String contentReason(Exception x, JsonNode content) {
        if (x instanceof InvalidTypeIdException e) {
            return "unknown content type '" + (e.getTypeId() == null ? "" : e.getTypeId()) + "'";
        }
        if (!(x instanceof JsonMappingException e) || e.getPath().isEmpty()
                || e.getPath().get(0).getFieldName() == null) {
            return "malformed: content";
        }
        String in = e.getPath().get(0).getFieldName();
        Integer element = e instanceof WireJson.BadElement b ? b.index : null;
        return switch (in) {
            case "round" -> content.path("round").isIntegralNumber() && content.path("round").canConvertToLong()
                    ? "out of range: round " + content.path("round").asLong() + " (0.." + MAX_ROUND + ")"
                    : "malformed: round must be an integer";
            case "billInEur", "extraCostInEur" -> "malformed: " + in + " must be a number";
            case "maxNetInKw", "minNetInKw" -> element != null
                    ? "out of range: " + in + "[" + element + "] must be null or a number with |x| <= " + MAX_ABS_VALUE
                    : "malformed: " + in + " must hold 1.." + MAX_VALUES + " numbers or nulls";
            default -> element != null
                    ? "out of range: " + in + "[" + element + "] must be a number with |x| <= " + MAX_ABS_VALUE
                    : "malformed: " + in + " must hold 1.." + MAX_VALUES + " numbers";
        };
    }

    /** Why a reading's content did not bind. */
    private static String readingReason(Exception x) {
        String in = x instanceof JsonMappingException e && !e.getPath().isEmpty() ? e.getPath().get(0).getFieldName()
                : null;
        return in == null ? "unexpected content (a reading is a PlanReport)" : switch (in) {
            case "netInKw" -> "malformed: netInKw must hold one number (this PTU)";
            case "billInEur" -> "malformed: billInEur missing";
            case "loadInKw", "pvInKw" -> "malformed: " + in + " must hold one number (this PTU) or be absent";
            default -> "unexpected content (a reading is a PlanReport)";
        };
    }

    private static UUID messageId(String messageId) throws RejectedMessage {
        try {
            return UUID.fromString(text(messageId, "messageId"));
        } catch (IllegalArgumentException e) {
            throw new RejectedMessage("malformed: messageId is not a UUID");
        }
    }

    private static List<AgentId> receivers(List<String> receivers) throws RejectedMessage {
        if (receivers == null || receivers.isEmpty() || receivers.size() > 16) {
            throw new RejectedMessage("malformed: receivers must list 1..16 agents");
        }
        List<AgentId> to = new ArrayList<>();
        for (String r : receivers) {
            if (r == null || r.isBlank()) {
                throw new RejectedMessage("malformed: a receiver is not an agent id");
            }
            to.add(new AgentId(r));
        }
        return to;
    }

    private static int ptuMinutes(Number value) throws RejectedMessage {
        long ptuMinutes = integer(value, "ptuMinutes");
        if (ptuMinutes < 1 || ptuMinutes > 60 || 60 % ptuMinutes != 0) {
            throw new RejectedMessage("out of range: ptuMinutes " + ptuMinutes + " (1..60, dividing an hour)");
        }
        return (int) ptuMinutes;
    }

    private static void checkTimes(long sentAt, long ptuStart) throws RejectedMessage {
        if (ptuStart < YEAR_2000_MS || ptuStart > YEAR_2100_MS || sentAt < YEAR_2000_MS || sentAt > YEAR_2100_MS) {
            throw new RejectedMessage("out of range: timestamps must lie in 2000..2100");
        }
    }

    private static void round(int round) throws RejectedMessage {
        if (round < 0 || round > MAX_ROUND) {
            throw new RejectedMessage("out of range: round " + round + " (0.." + MAX_ROUND + ")");
        }
    }

    private static void number(double v, String field) throws RejectedMessage {
        if (!Double.isFinite(v) || Math.abs(v) > MAX_ABS_VALUE) {
            throw new RejectedMessage("out of range: " + field + " " + v + " (|x| <= " + MAX_ABS_VALUE + ")");
        }
    }

    /** Per-PTU limits: numbers, or NaN (null on the wire) where there is no limit, as the study's agents state it. */
    private static void limits(PtuSeries a, String field) throws RejectedMessage {
        if (a == null || a.isEmpty() || a.size() > MAX_VALUES) {
            throw new RejectedMessage("malformed: " + field + " must hold 1.." + MAX_VALUES + " numbers or nulls");
        }
        for (int i = 0; i < a.size(); i++) {
            double v = a.get(i);
            if (!Double.isNaN(v) && (!Double.isFinite(v) || Math.abs(v) > MAX_ABS_VALUE)) {
                throw new RejectedMessage("out of range: " + field + "[" + i + "] must be null or a number with "
                        + "|x| <= " + MAX_ABS_VALUE);
            }
        }
    }

    private static void values(PtuSeries a, String field) throws RejectedMessage {
        if (a == null || a.isEmpty() || a.size() > MAX_VALUES) {
            throw new RejectedMessage("malformed: " + field + " must hold 1.." + MAX_VALUES + " numbers");
        }
        for (int i = 0; i < a.size(); i++) {
            double v = a.get(i);
            if (!Double.isFinite(v) || Math.abs(v) > MAX_ABS_VALUE) {
                throw new RejectedMessage("out of range: " + field + "[" + i + "] must be a number with |x| <= "
                        + MAX_ABS_VALUE);
            }
        }
    }

    /**
     * Parses and checks a meter reading that arrived on the topic of {@code topicAgent}.
     *
     * @throws RejectedMessage with the reason, when the message is malformed, out of range or from the wrong sender
     */
    public static MeterReading decodeReading(byte[] payload, String topicAgent) throws RejectedMessage {
        WireJson.Wire<JsonNode> w = envelope(payload);
        UUID id = messageId(w.messageId());
        String performative = text(w.performative(), "performative");
        if (!Performative.INFORM.name().equals(performative)) {
            throw new RejectedMessage("unexpected performative " + performative + " (a reading is INFORM)");
        }
        String sender = text(w.sender(), "sender");
        if (!sender.equals(topicAgent)) {
            throw new RejectedMessage("wrong sender: " + sender + " on the topic of " + topicAgent);
        }
        receivers(w.receivers());
        text(w.conversationId(), "conversationId");
        long sentAt = integer(w.sentAtMs(), "sentAtMs");
        long ptuStart = integer(w.ptuStartMs(), "ptuStartMs");
        int ptuMinutes = ptuMinutes(w.ptuMinutes());
        checkTimes(sentAt, ptuStart);
        if (w.content() == null || !w.content().isObject()
                || !"PlanReport".equals(w.content().path("type").textValue())) {
            throw new RejectedMessage("unexpected content (a reading is a PlanReport)");
        }
        WireJson.ReadingContent content;
        try {
            content = WireJson.READING_READER.readValue(w.content());
        } catch (IOException | RuntimeException e) {
            throw new RejectedMessage(readingReason(e));
        }
        PtuSeries net = content.netInKw();
        // NaN is how the series holds a null: not a number
        if (net == null || net.size() != 1 || Double.isNaN(net.get(0))) {
            throw new RejectedMessage("malformed: netInKw must hold one number (this PTU)");
        }
        double netKw = net.get(0);
        if (content.billInEur() == null) {
            throw new RejectedMessage("malformed: billInEur missing");
        }
        double bill = content.billInEur();
        if (!Double.isFinite(netKw) || Math.abs(netKw) > MAX_ABS_NET_KW) {
            throw new RejectedMessage("out of range: netInKw " + netKw + " (|x| <= " + MAX_ABS_NET_KW + ")");
        }
        if (!Double.isFinite(bill) || Math.abs(bill) > MAX_ABS_BILL_EUR) {
            throw new RejectedMessage("out of range: billInEur " + bill);
        }
        return new MeterReading(id, sender, ptuStart, ptuMinutes, netKw, bill, sentAt,
                meteredApart(content.loadInKw(), "loadInKw"), meteredApart(content.pvInKw(), "pvInKw"));
    }

    /** An optional one-PTU power (load or PV) of a reading: absent, or one number in 0..MAX_ABS_NET_KW. */
    private static OptionalDouble meteredApart(PtuSeries a, String field) throws RejectedMessage {
        if (a == null) {
            return OptionalDouble.empty();
        }
        if (a.size() != 1 || Double.isNaN(a.get(0))) {
            throw new RejectedMessage("malformed: " + field + " must hold one number (this PTU) or be absent");
        }
        double v = a.get(0);
        if (!Double.isFinite(v) || v < 0 || v > MAX_ABS_NET_KW) {
            throw new RejectedMessage("out of range: " + field + " " + v + " (0.." + MAX_ABS_NET_KW + ")");
        }
        return OptionalDouble.of(v);
    }

    private static String text(String value, String field) throws RejectedMessage {
        if (value == null || value.isBlank()) {
            throw new RejectedMessage("malformed: " + field + " missing");
        }
        return value;
    }

    /** An integer that fits a long: the wire's integers bind as Number, so that a float is refused in turn. */
    private static long integer(Number value, String field) throws RejectedMessage {
        if (!(value instanceof Long || value instanceof Integer)) {
            throw new RejectedMessage("malformed: " + field + " must be an integer");
        }
        return value.longValue();
    }

    /** The JSON of an acknowledgement: {@code {"messageId":…,"status":"stored|duplicate|rejected","reason":…}}. */
    public static byte[] ack(String messageId, String status, String reason) {
        ObjectNode n = WireJson.MAPPER.createObjectNode();
        n.put("messageId", messageId);
        n.put("status", status);
        if (reason != null) {
            n.put("reason", reason);
        }
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads an acknowledgement: {messageId, status, reason or null}. */
    public static String[] readAck(byte[] payload) {
        try {
            JsonNode n = WireJson.MAPPER.readTree(payload);
            return new String[] {n.path("messageId").asText(), n.path("status").asText(),
                n.hasNonNull("reason") ? n.get("reason").asText() : null};
        } catch (java.io.IOException e) {
            return new String[] {"", "unreadable", null};
        }
    }

    /** Best effort: the messageId of a payload, for the acknowledgement of a rejected message. */
    public static String messageIdOf(byte[] payload) {
        try {
            JsonNode n = WireJson.MAPPER.readTree(payload);
            return n != null && n.path("messageId").isTextual() ? n.get("messageId").asText() : null;
        } catch (java.io.IOException | RuntimeException e) {
            // Not JSON: still name the message if an id is recognisable, so the sender can tell which was refused.
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"messageId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"")
                    .matcher(new String(payload, 0, Math.min(payload.length, 512), StandardCharsets.UTF_8));
            return m.find() ? m.group(1) : null;
        }
    }
}
