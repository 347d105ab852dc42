package org.openlfa.platform.live;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openlfa.community.LocalMarket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openlfa.community.CommunitySettings;
import org.openlfa.platform.store.Store;
import org.openlfa.protocol.MarketClearing;
import org.openlfa.protocol.MeterReading;
import org.openlfa.protocol.Presence;

/**
 * The community's local market, cleared every PTU from the members' meter readings with the study's rule
 * ({@link LocalMarket}): a PTU clears as soon as every connected member has reported it, or when the grace time
 * after its first reading has passed, without those that stayed silent (kept as {@code absent}). A reading that
 * arrives after its PTU cleared is stored like any other but settles with the supplier only.
 *
 * <p>Open PTUs live in memory until they clear; after a restart (a kill -9 included) the PTUs whose stored readings
 * have no clearing are opened again from the database and clear like any other.
 */
public final class LiveMarket implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveMarket.class);
    /** Cleared PTUs remembered, so late readings are recognised; about ten days of 15-min PTUs. */
    private static final int REMEMBERED_CLEARINGS = 1_000;

    /** The readings of one PTU so far. */
    private static final class Book {
        final int ptuMinutes;
        final long firstArrivalNanos;
        final Map<String, Double> netInKwByAgent = new ConcurrentHashMap<>();

        Book(int ptuMinutes, long firstArrivalNanos) {
            this.ptuMinutes = ptuMinutes;
            this.firstArrivalNanos = firstArrivalNanos;
        }
    }

    private final Store store;
    private final CommunitySettings settings;
    private final Presence presence;
    private final Predicate<String> isCems;
    private final LocalMarket rule;
    private final Map<Long, Book> open = new ConcurrentSkipListMap<>();
    private final TreeSet<Long> cleared = new TreeSet<>();
    private final ScheduledExecutorService clock;

    /**
     * @param isCems whether an agent is a CEMS, that is a member of the community
     */
    public LiveMarket(Store store, CommunitySettings settings, Presence presence, Predicate<String> isCems) {
        this.store = store;
        this.settings = settings;
        this.presence = presence;
        this.isCems = isCems;
        this.rule = new LocalMarket(settings.scenario().localMarketRule());
        this.clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lfa-market");
            t.setDaemon(true);
            return t;
        });
        try {
            List<MeterReading> uncleared = store.unclearedReadings(settings.communityId());
            if (!uncleared.isEmpty()) {
                LOG.info("{} stored readings of uncleared PTUs: their PTUs clear again", uncleared.size());
                onStored(uncleared);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the uncleared PTUs: " + e.getMessage(), e);
        }
        clock.scheduleWithFixedDelay(() -> clearDue(System.nanoTime()), 200, 200, TimeUnit.MILLISECONDS);
    }

    /** Readings just stored (new ones only, never duplicates): each joins its PTU's book. */
    public void onStored(Collection<MeterReading> fresh) {
        long now = System.nanoTime();
        for (MeterReading r : fresh) {
            synchronized (cleared) {
                if (cleared.contains(r.ptuStartEpochMs())) {
                    LOG.debug("{}'s reading of a cleared PTU settles with the supplier only", r.agentId());
                    continue;
                }
            }
            open.computeIfAbsent(r.ptuStartEpochMs(), k -> new Book(r.ptuMinutes(), now))
                    .netInKwByAgent.put(r.agentId(), r.netInKw());
        }
    }

    /** Clears every PTU that is complete or whose grace time has passed; returns what it cleared. */
    synchronized List<MarketClearing> clearDue(long nowNanos) {
        List<MarketClearing> done = new ArrayList<>();
        Set<String> expected = new TreeSet<>(presence.online());
        expected.removeIf(isCems.negate());
        for (Map.Entry<Long, Book> e : open.entrySet()) {
            Book book = e.getValue();
            // with nobody known to be connected (just after a restart) only the grace time closes a PTU
            boolean complete = !expected.isEmpty() && book.netInKwByAgent.keySet().containsAll(expected);
            boolean late = nowNanos - book.firstArrivalNanos >= settings.clearingGrace().toNanos();
            if (!complete && !late) {
                continue;
            }
            MarketClearing m = clear(e.getKey(), book, expected);
            try {
                store.insertClearing(m);
            } catch (SQLException ex) {
                LOG.error("clearing of PTU {} not stored; tried again in a moment: {}", e.getKey(), ex.getMessage());
                continue;
            }
            open.remove(e.getKey());
            synchronized (cleared) {
                cleared.add(e.getKey());
                while (cleared.size() > REMEMBERED_CLEARINGS) {
                    cleared.pollFirst();
                }
            }
            done.add(m);
        }
        return done;
    }

    private MarketClearing clear(long ptuStart, Book book, Set<String> expected) {
        List<String> members = new ArrayList<>(new TreeSet<>(book.netInKwByAgent.keySet()));
        double[] net = new double[members.size()];
        for (int i = 0; i < net.length; i++) {
            net[i] = book.netInKwByAgent.get(members.get(i));
        }
        LocalDate day = CommunitySettings.dayOf(ptuStart);
        int ptu = settings.ptuOf(ptuStart);
        double importPrice = settings.importPriceInEurPerKwh(day)[ptu];
        double exportPrice = settings.exportPriceInEurPerKwh(day)[ptu];
        double hours = book.ptuMinutes / 60.0;
        LocalMarket.Settlement s = rule.settle(net, hours, importPrice, exportPrice);
        List<MarketClearing.Trade> trades = new ArrayList<>();
        double gridImport = 0;
        double gridExport = 0;
        for (int i = 0; i < net.length; i++) {
            double local = s.localBoughtInKwh()[i] - s.localSoldInKwh()[i];
            if (local != 0) {
                trades.add(new MarketClearing.Trade(members.get(i), local));
            }
            double energy = net[i] * hours;
            if (energy > 0) {
                gridImport += energy - s.localBoughtInKwh()[i];
            } else {
                gridExport += -energy - s.localSoldInKwh()[i];
            }
        }
        List<String> absent = new ArrayList<>(expected);
        absent.removeAll(members);
        if (!absent.isEmpty()) {
            LOG.info("PTU {} cleared without {} silent member(s): {}", ptuStart, absent.size(), absent);
        }
        return new MarketClearing(settings.communityId(), ptuStart, book.ptuMinutes, s.localPriceInEurPerKwh(),
                s.tradedInKwh(), gridImport, gridExport, members.size(), absent, trades);
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
