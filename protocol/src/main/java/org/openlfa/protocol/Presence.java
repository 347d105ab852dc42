package org.openlfa.protocol;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which agents are connected now, as they announce it on their status topic (and their broker announces for them
 * with their last will when the connection dies). The market and the aggregator expect only connected members.
 */
public final class Presence {

    /** The retained status an agent publishes when it connects. */
    public static final String ONLINE = "online";
    /** The status its last will publishes when its connection dies (and it publishes when it leaves). */
    public static final String OFFLINE = "offline";

    private final Set<String> online = ConcurrentHashMap.newKeySet();

    public void set(String agentId, boolean isOnline) {
        if (isOnline) {
            online.add(agentId);
        } else {
            online.remove(agentId);
        }
    }

    public boolean isOnline(String agentId) {
        return online.contains(agentId);
    }

    /** A snapshot of the connected agents. */
    public Set<String> online() {
        return Set.copyOf(online);
    }
}
