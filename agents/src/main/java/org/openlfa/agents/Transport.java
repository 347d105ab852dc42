package org.openlfa.agents;

/**
 * Carries {@link AclMessage}s between agents: in process for the study ({@link InProcessTransport}), over the
 * network for the live platform.
 */
public interface Transport {

    /** Makes {@code agent} reachable under {@code id}. */
    void register(AgentId id, Agent agent);

    /** Sends a message to all its receivers. */
    void send(AclMessage message);
}
