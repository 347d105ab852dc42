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

    /**
     * Delivers what this transport has queued, where it queues: the study's transport delivers here, in order; a
     * network transport delivers each message as it arrives, on its own threads, and has nothing to do here.
     */
    void deliverAll();
}
