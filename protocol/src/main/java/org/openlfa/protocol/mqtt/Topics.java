package org.openlfa.protocol.mqtt;

/**
 * The MQTT topics of the platform, and who may use them (the broker ACLs of {@link Authority} and of an external
 * Mosquitto are both derived from this list).
 *
 * <table>
 * <caption>Topics</caption>
 * <tr><th>topic</th><th>publishes</th><th>subscribes</th></tr>
 * <tr><td>{@code lfa/v1/cems/{id}/readings}</td><td>CEMS {@code id}</td><td>platform</td></tr>
 * <tr><td>{@code lfa/v1/cems/{id}/ack}</td><td>platform</td><td>CEMS {@code id}</td></tr>
 * <tr><td>{@code lfa/v1/agents/{id}/out}</td><td>agent {@code id}: its FIPA-ACL messages (bids) and, for a DSO,
 * signed UFTP XML</td><td>platform</td></tr>
 * <tr><td>{@code lfa/v1/agents/{id}/in}</td><td>platform</td><td>agent {@code id}</td></tr>
 * <tr><td>{@code lfa/v1/agents/{id}/status}</td><td>agent {@code id} ({@code online}, retained; its last will
 * {@code offline})</td><td>platform</td></tr>
 * <tr><td>{@code lfa/v1/prices/{community}}</td><td>platform (retained)</td><td>everyone</td></tr>
 * </table>
 */
public final class Topics {
    /** Prefix of the public price and forecast topics. */
    public static final String PRICES = "lfa/v1/prices/";
    /** Every CEMS's readings, for the platform's subscription. */
    public static final String ALL_READINGS = "lfa/v1/cems/+/readings";
    /** Every agent's outgoing messages, for the platform's subscription. */
    public static final String ALL_OUTBOXES = "lfa/v1/agents/+/out";
    /** Every agent's presence, for the platform's subscription. */
    public static final String ALL_STATUS = "lfa/v1/agents/+/status";

    private Topics() {
    }

    /** Where CEMS {@code agentId} publishes its readings (and nobody else may). */
    public static String readings(String agentId) {
        return "lfa/v1/cems/" + agentId + "/readings";
    }

    /** Where the platform acknowledges CEMS {@code agentId}'s messages. */
    public static String ack(String agentId) {
        return "lfa/v1/cems/" + agentId + "/ack";
    }

    /** Where agent {@code agentId} publishes its messages to the platform's agents (and nobody else may). */
    public static String outbox(String agentId) {
        return "lfa/v1/agents/" + agentId + "/out";
    }

    /** Where the platform's agents send messages to agent {@code agentId} (only it may subscribe). */
    public static String inbox(String agentId) {
        return "lfa/v1/agents/" + agentId + "/in";
    }

    /** Agent {@code agentId}'s presence: {@code online}, or {@code offline} (its MQTT last will). */
    public static String status(String agentId) {
        return "lfa/v1/agents/" + agentId + "/status";
    }

    /** The retained prices and forecasts of a community. */
    public static String prices(String community) {
        return PRICES + community;
    }

    /** The agent whose readings topic this is, or null. */
    public static String agentOfReadings(String topic) {
        return agentOf(topic, "cems", "readings");
    }

    /** The agent whose outbox this is, or null. */
    public static String agentOfOutbox(String topic) {
        return agentOf(topic, "agents", "out");
    }

    /** The agent whose status topic this is, or null. */
    public static String agentOfStatus(String topic) {
        return agentOf(topic, "agents", "status");
    }

    private static String agentOf(String topic, String kind, String leaf) {
        String[] parts = topic.split("/");
        return parts.length == 5 && parts[0].equals("lfa") && parts[1].equals("v1") && parts[2].equals(kind)
                && parts[4].equals(leaf) ? parts[3] : null;
    }
}
