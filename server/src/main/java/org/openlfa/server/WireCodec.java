package org.openlfa.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openlfa.agents.AclMessage;
import org.openlfa.agents.AgentId;
import org.openlfa.agents.MessageContent;
import org.openlfa.agents.Performative;

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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long YEAR_2000_MS = 946_684_800_000L;
    private static final long YEAR_2100_MS = 4_102_444_800_000L;

    private WireCodec() {
    }

    /** A reading as an envelope. */
    public static Envelope reading(UUID id, String agent, long ptuStartEpochMs, int ptuMinutes, double netInKw,
                                   double billInEur, long sentAtEpochMs) {
        AclMessage acl = new AclMessage(Performative.INFORM, new AgentId(agent), List.of(new AgentId(AGGREGATOR)),
                "meter-" + agent, new MessageContent.PlanReport(new double[] {netInKw}, billInEur));
        return new Envelope(id, sentAtEpochMs, ptuStartEpochMs, ptuMinutes, acl);
    }

    /** The JSON bytes of an envelope (PlanReport and NetScheduleProposal contents). */
    public static byte[] encode(Envelope e) {
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
        if (acl.content() instanceof MessageContent.PlanReport p) {
            content.put("type", "PlanReport");
            ArrayNode net = content.putArray("netInKw");
            for (double v : p.netInKw()) {
                net.add(v);
            }
            content.put("billInEur", p.billInEur());
        } else if (acl.content() instanceof MessageContent.NetScheduleProposal p) {
            content.put("type", "NetScheduleProposal");
            content.put("round", p.round());
            ArrayNode net = content.putArray("netInKw");
            for (double v : p.netInKw()) {
                net.add(v);
            }
        } else {
            throw new IllegalArgumentException("no wire form yet for " + acl.content().getClass().getSimpleName());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e1) {
            throw new IllegalStateException(e1);
        }
    }

    /**
     * Parses and checks a meter reading that arrived on the topic of {@code topicAgent}.
     *
     * @throws RejectedMessage with the reason, when the message is malformed, out of range or from the wrong sender
     */
    public static MeterReading decodeReading(byte[] payload, String topicAgent) throws RejectedMessage {
        JsonNode root;
        try {
            root = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new RejectedMessage("malformed JSON");
        }
        if (root == null || !root.isObject()) {
            throw new RejectedMessage("malformed: not a JSON object");
        }
        UUID id;
        try {
            id = UUID.fromString(text(root, "messageId"));
        } catch (IllegalArgumentException e) {
            throw new RejectedMessage("malformed: messageId is not a UUID");
        }
        String performative = text(root, "performative");
        if (!Performative.INFORM.name().equals(performative)) {
            throw new RejectedMessage("unexpected performative " + performative + " (a reading is INFORM)");
        }
        String sender = text(root, "sender");
        if (!sender.equals(topicAgent)) {
            throw new RejectedMessage("wrong sender: " + sender + " on the topic of " + topicAgent);
        }
        JsonNode receivers = root.get("receivers");
        if (receivers == null || !receivers.isArray() || receivers.isEmpty()) {
            throw new RejectedMessage("malformed: receivers missing");
        }
        List<AgentId> to = new ArrayList<>();
        receivers.forEach(r -> to.add(new AgentId(r.asText("?").isBlank() ? "?" : r.asText("?"))));
        text(root, "conversationId");
        long sentAt = longField(root, "sentAtMs");
        long ptuStart = longField(root, "ptuStartMs");
        long ptuMinutes = longField(root, "ptuMinutes");
        if (ptuMinutes < 1 || ptuMinutes > 60 || 60 % ptuMinutes != 0) {
            throw new RejectedMessage("out of range: ptuMinutes " + ptuMinutes + " (1..60, dividing an hour)");
        }
        if (ptuStart < YEAR_2000_MS || ptuStart > YEAR_2100_MS || sentAt < YEAR_2000_MS || sentAt > YEAR_2100_MS) {
            throw new RejectedMessage("out of range: timestamps must lie in 2000..2100");
        }
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
        return new MeterReading(id, sender, ptuStart, (int) ptuMinutes, netKw, bill, sentAt);
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
    static byte[] ack(String messageId, String status, String reason) {
        ObjectNode n = JSON.createObjectNode();
        n.put("messageId", messageId);
        n.put("status", status);
        if (reason != null) {
            n.put("reason", reason);
        }
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads an acknowledgement: {messageId, status, reason or null}. */
    static String[] readAck(byte[] payload) {
        try {
            JsonNode n = JSON.readTree(payload);
            return new String[] {n.path("messageId").asText(), n.path("status").asText(),
                n.hasNonNull("reason") ? n.get("reason").asText() : null};
        } catch (java.io.IOException e) {
            return new String[] {"", "unreadable", null};
        }
    }

    /** Best effort: the messageId of a payload, for the acknowledgement of a rejected message. */
    static String messageIdOf(byte[] payload) {
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
