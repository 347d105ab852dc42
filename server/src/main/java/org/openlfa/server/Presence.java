package org.openlfa.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which agents are connected now, as they announce it on their status topic (and their broker announces for them
 * with their last will when the connection dies). The market and the aggregator expect only connected members.
 */
final class Presence {

    private final Set<String> online = ConcurrentHashMap.newKeySet();

    void set(String agentId, boolean isOnline) {
        if (isOnline) {
            online.add(agentId);
        } else {
            online.remove(agentId);
        }
    }

    boolean isOnline(String agentId) {
        return online.contains(agentId);
    }

    /** A snapshot of the connected agents. */
    Set<String> online() {
        return Set.copyOf(online);
    }
}
