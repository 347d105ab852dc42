package org.openlfa.agents;

/**
 * A party that reacts to {@link AclMessage}s; it answers by sending on the transport it was handed.
 *
 * <pre>{@code
 * transport.register(cems.id(), cems);
 * transport.send(cfp);
 * transport.deliverAll();   // cems.receive(cfp, transport) runs here and may send its PROPOSE
 * }</pre>
 */
public interface Agent {

    /** This agent's name on the transport. */
    AgentId id();

    /** Handles one message addressed to this agent; replies go through {@code transport}. */
    void receive(AclMessage message, Transport transport);
}
