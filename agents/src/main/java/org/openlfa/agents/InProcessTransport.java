package org.openlfa.agents;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;

/**
 * The study's transport: single-threaded and deterministic. {@link #send} only queues; {@link #deliverAll} hands
 * the queued messages to their receivers first in, first out, including the messages sent while delivering, until
 * the queue is empty. The same inputs therefore always give the same order of delivery.
 *
 * <pre>{@code
 * InProcessTransport transport = new InProcessTransport();
 * transport.register(cems.id(), cems);
 * transport.register(aggregator.id(), aggregator);
 * transport.send(cfp);
 * transport.deliverAll();
 * }</pre>
 */
public final class InProcessTransport implements Transport {

    private final Map<AgentId, Agent> agents = new HashMap<>();
    private final Queue<AclMessage> queue = new ArrayDeque<>();
    private long deliveredCount;

    @Override
    public void register(AgentId id, Agent agent) {
        Objects.requireNonNull(agent, "agent");
        if (!id.equals(agent.id())) {
            throw new IllegalArgumentException("agent " + agent.id() + " registered under another id: " + id);
        }
        if (agents.putIfAbsent(id, agent) != null) {
            throw new IllegalArgumentException("agent id already registered: " + id);
        }
    }

    /**
     * Queues the message.
     *
     * @throws IllegalArgumentException if a receiver is not registered (checked here, so the error points at the
     *                                  sender rather than at a later delivery)
     */
    @Override
    public void send(AclMessage message) {
        for (AgentId receiver : message.receivers()) {
            if (!agents.containsKey(receiver)) {
                throw new IllegalArgumentException("unknown receiver " + receiver + " of a " + message.performative()
                        + " from " + message.sender());
            }
        }
        queue.add(message);
    }

    /** Delivers queued messages in FIFO order, receiver by receiver, until none is left. */
    @Override
    public void deliverAll() {
        AclMessage message;
        while ((message = queue.poll()) != null) {
            for (AgentId receiver : message.receivers()) {
                deliveredCount++;
                agents.get(receiver).receive(message, this);
            }
        }
    }

    /** Messages delivered so far, counted once per receiver. */
    public long deliveredCount() {
        return deliveredCount;
    }

    /** Messages sent but not yet delivered. */
    public int pendingCount() {
        return queue.size();
    }
}
