package org.openlfa.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    private static final ObjectMapper JSON = new ObjectMapper();
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
        return write(envelopeJson(e));
    }

    /** The JSON bytes of a reading with the household load and PV metered apart (each may be absent). */
    public static byte[] encodeReading(Envelope e, OptionalDouble loadInKw, OptionalDouble pvInKw) {
        ObjectNode root = envelopeJson(e);
        ObjectNode content = (ObjectNode) root.get("content");
        loadInKw.ifPresent(v -> content.putArray("loadInKw").add(v));
        pvInKw.ifPresent(v -> content.putArray("pvInKw").add(v));
        return write(root);
    }

    private static ObjectNode envelopeJson(Envelope e) {
        ObjectNode root = JSON.createObjectNode();
        root.put("messageId", e.messageId().toString());
        root.put("sentAtMs", e.sentAtEpochMs());
        root.put("ptuStartMs", e.ptuStartEpochMs());
        root.put("ptuMinutes", e.ptuMinutes());
        AclMessage acl = e.acl();
        root.put("performative", acl.performative().name());
        root.put("sender", acl.sender().value());
        ArrayNode receivers = root.putArray("receivers");
        acl.receivers().forEach(r -> receivers.add(r.value()));
        root.put("conversationId", acl.conversationId());
        ObjectNode content = root.putObject("content");
        MessageContent c = acl.content();
        if (c instanceof MessageContent.PlanReport p) {
            content.put("type", "PlanReport");
            array(content, "netInKw", p.netInKw());
            content.put("billInEur", p.billInEur());
        } else if (c instanceof MessageContent.NetScheduleProposal p) {
            content.put("type", "NetScheduleProposal");
            content.put("round", p.round());
            array(content, "netInKw", p.netInKw());
        } else if (c instanceof MessageContent.CommunityPriceSignal p) {
            content.put("type", "CommunityPriceSignal");
            content.put("round", p.round());
            array(content, "priceInEurPerKwh", p.priceInEurPerKwh());
        } else if (c instanceof MessageContent.RestOfCommunitySignal p) {
            content.put("type", "RestOfCommunitySignal");
            content.put("round", p.round());
            array(content, "restOfCommunityNetInKw", p.restOfCommunityNetInKw());
        } else if (c instanceof MessageContent.ScheduleAward p) {
            content.put("type", "ScheduleAward");
            array(content, "weightsOfProposals", p.weightsOfProposals());
        } else if (c instanceof MessageContent.FlexibilityCall p) {
            content.put("type", "FlexibilityCall");
            array(content, "maxNetInKw", p.maxNetInKw());
            array(content, "minNetInKw", p.minNetInKw());
        } else if (c instanceof MessageContent.FlexibilityProposal p) {
            content.put("type", "FlexibilityProposal");
            array(content, "netInKw", p.netInKw());
            content.put("extraCostInEur", p.extraCostInEur());
        } else if (c instanceof MessageContent.FlexibilityVerdict) {
            content.put("type", "FlexibilityVerdict");
        } else {
            throw new IllegalArgumentException("USEF messages travel as signed UFTP XML, not as JSON envelopes");
        }
        return root;
    }

    /** A JSON array of numbers; NaN ("no value", e.g. no limit in that PTU) is written as null. */
    private static void array(ObjectNode into, String field, PtuSeries values) {
        ArrayNode a = into.putArray(field);
        for (double v : values.toArray()) {
            if (Double.isNaN(v)) {
                a.addNull();
            } else {
                a.add(v);
            }
        }
    }

    private static byte[] write(ObjectNode root) {
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
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
        JsonNode root = parse(payload);
        UUID id = messageId(root);
        Performative performative;
        try {
            performative = Performative.valueOf(text(root, "performative"));
        } catch (IllegalArgumentException e) {
            throw new RejectedMessage("unknown performative " + root.get("performative").asText());
        }
        String sender = text(root, "sender");
        if (topicAgent != null && !sender.equals(topicAgent)) {
            throw new RejectedMessage("wrong sender: " + sender + " on the topic of " + topicAgent);
        }
        List<AgentId> to = receivers(root);
        String conversation = text(root, "conversationId");
        long sentAt = longField(root, "sentAtMs");
        long ptuStart = longField(root, "ptuStartMs");
        int ptuMinutes = ptuMinutes(root);
        checkTimes(sentAt, ptuStart);
        JsonNode content = root.get("content");
        if (content == null || !content.isObject()) {
            throw new RejectedMessage("malformed: content missing");
        }
        String type = content.path("type").asText();
        MessageContent c = switch (type) {
            case "PlanReport" -> new MessageContent.PlanReport(values(content, "netInKw"),
                    number(content, "billInEur"));
            case "NetScheduleProposal" -> new MessageContent.NetScheduleProposal(round(content),
                    values(content, "netInKw"));
            case "CommunityPriceSignal" -> new MessageContent.CommunityPriceSignal(round(content),
                    values(content, "priceInEurPerKwh"));
            case "RestOfCommunitySignal" -> new MessageContent.RestOfCommunitySignal(round(content),
                    values(content, "restOfCommunityNetInKw"));
            case "ScheduleAward" -> new MessageContent.ScheduleAward(values(content, "weightsOfProposals"));
            case "FlexibilityCall" -> new MessageContent.FlexibilityCall(limits(content, "maxNetInKw"),
                    limits(content, "minNetInKw"));
            case "FlexibilityProposal" -> new MessageContent.FlexibilityProposal(values(content, "netInKw"),
                    number(content, "extraCostInEur"));
            case "FlexibilityVerdict" -> new MessageContent.FlexibilityVerdict();
            default -> throw new RejectedMessage("unknown content type '" + type + "'");
        };
        try {
            return new Envelope(id, sentAt, ptuStart, ptuMinutes, new AclMessage(performative, new AgentId(sender),
                    to, conversation, c));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RejectedMessage("malformed: " + e.getMessage());
        }
    }

    private static JsonNode parse(byte[] payload) throws RejectedMessage {
        JsonNode root;
        try {
            root = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new RejectedMessage("malformed JSON");
        }
        if (root == null || !root.isObject()) {
            throw new RejectedMessage("malformed: not a JSON object");
        }
        return root;
    }

    private static UUID messageId(JsonNode root) throws RejectedMessage {
        try {
            return UUID.fromString(text(root, "messageId"));
        } catch (IllegalArgumentException e) {
            throw new RejectedMessage("malformed: messageId is not a UUID");
        }
    }

    private static List<AgentId> receivers(JsonNode root) throws RejectedMessage {
        JsonNode receivers = root.get("receivers");
        if (receivers == null || !receivers.isArray() || receivers.isEmpty() || receivers.size() > 16) {
            throw new RejectedMessage("malformed: receivers must list 1..16 agents");
        }
        List<AgentId> to = new ArrayList<>();
        for (JsonNode r : receivers) {
            if (!r.isTextual() || r.asText().isBlank()) {
                throw new RejectedMessage("malformed: a receiver is not an agent id");
            }
            to.add(new AgentId(r.asText()));
        }
        return to;
    }

    private static int ptuMinutes(JsonNode root) throws RejectedMessage {
        long ptuMinutes = longField(root, "ptuMinutes");
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

    private static int round(JsonNode content) throws RejectedMessage {
        long round = longField(content, "round");
        if (round < 0 || round > MAX_ROUND) {
            throw new RejectedMessage("out of range: round " + round + " (0.." + MAX_ROUND + ")");
        }
        return (int) round;
    }

    private static double number(JsonNode content, String field) throws RejectedMessage {
        JsonNode n = content.get(field);
        if (n == null || !n.isNumber()) {
            throw new RejectedMessage("malformed: " + field + " must be a number");
        }
        double v = n.asDouble();
        if (!Double.isFinite(v) || Math.abs(v) > MAX_ABS_VALUE) {
            throw new RejectedMessage("out of range: " + field + " " + v + " (|x| <= " + MAX_ABS_VALUE + ")");
        }
        return v;
    }

    /** Per-PTU limits: numbers, or null where there is no limit (NaN, as the study's agents state it). */
    private static PtuSeries limits(JsonNode content, String field) throws RejectedMessage {
        JsonNode a = content.get(field);
        if (a == null || !a.isArray() || a.isEmpty() || a.size() > MAX_VALUES) {
            throw new RejectedMessage("malformed: " + field + " must hold 1.." + MAX_VALUES + " numbers or nulls");
        }
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode n = a.get(i);
            if (n.isNull()) {
                out[i] = Double.NaN;
            } else if (n.isNumber() && Double.isFinite(n.asDouble()) && Math.abs(n.asDouble()) <= MAX_ABS_VALUE) {
                out[i] = n.asDouble();
            } else {
                throw new RejectedMessage("out of range: " + field + "[" + i + "] must be null or a number with "
                        + "|x| <= " + MAX_ABS_VALUE);
            }
        }
        return PtuSeries.of(out);
    }

    private static PtuSeries values(JsonNode content, String field) throws RejectedMessage {
        JsonNode a = content.get(field);
        if (a == null || !a.isArray() || a.isEmpty() || a.size() > MAX_VALUES) {
            throw new RejectedMessage("malformed: " + field + " must hold 1.." + MAX_VALUES + " numbers");
        }
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode n = a.get(i);
            if (!n.isNumber() || !Double.isFinite(n.asDouble()) || Math.abs(n.asDouble()) > MAX_ABS_VALUE) {
                throw new RejectedMessage("out of range: " + field + "[" + i + "] must be a number with |x| <= "
                        + MAX_ABS_VALUE);
            }
            out[i] = n.asDouble();
        }
        return PtuSeries.of(out);
    }

    /**
     * Parses and checks a meter reading that arrived on the topic of {@code topicAgent}.
     *
     * @throws RejectedMessage with the reason, when the message is malformed, out of range or from the wrong sender
     */
    public static MeterReading decodeReading(byte[] payload, String topicAgent) throws RejectedMessage {
        JsonNode root = parse(payload);
        UUID id = messageId(root);
        String performative = text(root, "performative");
        if (!Performative.INFORM.name().equals(performative)) {
            throw new RejectedMessage("unexpected performative " + performative + " (a reading is INFORM)");
        }
        String sender = text(root, "sender");
        if (!sender.equals(topicAgent)) {
            throw new RejectedMessage("wrong sender: " + sender + " on the topic of " + topicAgent);
        }
        receivers(root);
        text(root, "conversationId");
        long sentAt = longField(root, "sentAtMs");
        long ptuStart = longField(root, "ptuStartMs");
        int ptuMinutes = ptuMinutes(root);
        checkTimes(sentAt, ptuStart);
        JsonNode content = root.get("content");
        if (content == null || !content.isObject() || !"PlanReport".equals(content.path("type").asText())) {
            throw new RejectedMessage("unexpected content (a reading is a PlanReport)");
        }
        JsonNode net = content.get("netInKw");
        if (net == null || !net.isArray() || net.size() != 1 || !net.get(0).isNumber()) {
            throw new RejectedMessage("malformed: netInKw must hold one number (this PTU)");
        }
        double netKw = net.get(0).asDouble();
        JsonNode billNode = content.get("billInEur");
        if (billNode == null || !billNode.isNumber()) {
            throw new RejectedMessage("malformed: billInEur missing");
        }
        double bill = billNode.asDouble();
        if (!Double.isFinite(netKw) || Math.abs(netKw) > MAX_ABS_NET_KW) {
            throw new RejectedMessage("out of range: netInKw " + netKw + " (|x| <= " + MAX_ABS_NET_KW + ")");
        }
        if (!Double.isFinite(bill) || Math.abs(bill) > MAX_ABS_BILL_EUR) {
            throw new RejectedMessage("out of range: billInEur " + bill);
        }
        return new MeterReading(id, sender, ptuStart, ptuMinutes, netKw, bill, sentAt,
                meteredApart(content, "loadInKw"), meteredApart(content, "pvInKw"));
    }

    /** An optional one-PTU power (load or PV) of a reading: absent, or one number in 0..MAX_ABS_NET_KW. */
    private static OptionalDouble meteredApart(JsonNode content, String field) throws RejectedMessage {
        JsonNode a = content.get(field);
        if (a == null || a.isNull()) {
            return OptionalDouble.empty();
        }
        if (!a.isArray() || a.size() != 1 || !a.get(0).isNumber()) {
            throw new RejectedMessage("malformed: " + field + " must hold one number (this PTU) or be absent");
        }
        double v = a.get(0).asDouble();
        if (!Double.isFinite(v) || v < 0 || v > MAX_ABS_NET_KW) {
            throw new RejectedMessage("out of range: " + field + " " + v + " (0.." + MAX_ABS_NET_KW + ")");
        }
        return OptionalDouble.of(v);
    }

    private static String text(JsonNode root, String field) throws RejectedMessage {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new RejectedMessage("malformed: " + field + " missing");
        }
        return n.asText();
    }

    private static long longField(JsonNode root, String field) throws RejectedMessage {
        JsonNode n = root.get(field);
        if (n == null || !n.canConvertToLong() || !n.isIntegralNumber()) {
            throw new RejectedMessage("malformed: " + field + " must be an integer");
        }
        return n.asLong();
    }

    /** The JSON of an acknowledgement: {@code {"messageId":…,"status":"stored|duplicate|rejected","reason":…}}. */
    public static byte[] ack(String messageId, String status, String reason) {
        ObjectNode n = JSON.createObjectNode();
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
            JsonNode n = JSON.readTree(payload);
            return new String[] {n.path("messageId").asText(), n.path("status").asText(),
                n.hasNonNull("reason") ? n.get("reason").asText() : null};
        } catch (java.io.IOException e) {
            return new String[] {"", "unreadable", null};
        }
    }

    /** Best effort: the messageId of a payload, for the acknowledgement of a rejected message. */
    public static String messageIdOf(byte[] payload) {
        try {
            JsonNode n = JSON.readTree(payload);
            return n != null && n.path("messageId").isTextual() ? n.get("messageId").asText() : null;
        } catch (java.io.IOException | RuntimeException e) {
            // Not JSON: still name the message if an id is recognisable, so the sender can tell which was refused.
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"messageId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"")
                    .matcher(new String(payload, 0, Math.min(payload.length, 512), StandardCharsets.UTF_8));
            return m.find() ? m.group(1) : null;
        }
    }
}
