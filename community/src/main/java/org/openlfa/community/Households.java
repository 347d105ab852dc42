package org.openlfa.community;

import java.util.ArrayList;
import java.util.List;
import org.openlfa.grid.Load;
import org.openlfa.grid.LvNetwork;

/** The households of a grid: one per customer connection point (load), in the grid's load order. */
public final class Households {

    private Households() {
    }

    /**
     * One household per load of the network, placed in the community of its feeder.
     *
     * <pre>{@code
     * List<Household> homes = Households.of(EnwlNetwork.builtInNetwork22(), Communities.network22Default());
     * }</pre>
     */
    public static List<Household> of(LvNetwork network, Communities communities) {
        List<Household> out = new ArrayList<>();
        for (Load load : network.loads()) {
            out.add(new Household(load.name(), communities.communityOf(load.feeder()), load.feeder(), load.bus(),
                    load.phase()));
        }
        return out;
    }
}
