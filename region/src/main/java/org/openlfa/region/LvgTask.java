package org.openlfa.region;

import java.io.Serializable;
import java.util.Objects;

/**
 * One unit of regional work: an LV grid (a real network or one of its synthetic replicas) to study.
 *
 * @param lvg     the grid's id in the outputs, unique in a run ({@code network_22}, {@code network_22-r3})
 * @param network the network it is made from ({@code network_22})
 * @param source  where the network is read: {@code enwl:N} (shipped) or an absolute folder path
 * @param replica 0 for the network as published, 1..K for its synthetic variants
 * @param seed    the seed of every draw of this grid (assets, profiles and, for replicas, phases)
 */
public record LvgTask(String lvg, String network, String source, int replica, long seed) implements Serializable {
    public LvgTask {
        Objects.requireNonNull(lvg, "lvg");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(source, "source");
    }
}
