package org.openlfa.server;

/** The MQTT topics of the platform. */
public final class Topics {
    /** Prefix of the public price and forecast topics. */
    public static final String PRICES = "lfa/v1/prices/";
    /** Every CEMS's readings, for the platform's subscription. */
    public static final String ALL_READINGS = "lfa/v1/cems/+/readings";

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

    /** The agent whose readings topic this is, or null. */
    static String agentOfReadings(String topic) {
        String[] parts = topic.split("/");
        return parts.length == 5 && parts[0].equals("lfa") && parts[2].equals("cems") && parts[4].equals("readings")
                ? parts[3] : null;
    }
}
