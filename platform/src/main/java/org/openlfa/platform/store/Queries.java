package org.openlfa.platform.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The API's read side: what the dashboards show, straight from the tables of {@code V1__readings.sql} and
 * {@code V2__market.sql}, as records whose component names are the JSON field names (units in the names, times in
 * ms since the epoch). Also the agent register's few writes that only the API makes (registration with a public key,
 * token rotation, revocation), kept here so that every SQL statement of the API is in one file.
 *
 * <pre>{@code
 * Queries q = new Queries(store);
 * Optional<Queries.ProsumerSummary> s = q.prosumerSummary("F1_LOAD1");
 * List<Queries.Clearing> market = q.market(96);      // newest first
 * }</pre>
 *
 * <p>A PTU a home reported more than once (a resend under a new message id) counts once, with its latest report:
 * otherwise a flaky energy box would double its own bill.
 */
public final class Queries {

    /** A home's totals over everything it reported, and its last 96 PTUs. */
    public record ProsumerSummary(String agent, long ptus, double importInKwh, double exportInKwh, Double loadInKwh,
                           Double pvInKwh, double billInEur, double localBoughtInKwh, double localSoldInKwh,
                           double localTradeAmountInEur, Double savingsInEur, List<SeriesPoint> series) {
    }

    /** One PTU of a home; load and PV only when its energy box reports them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SeriesPoint(long ptuStartMs, double netInKw, Double loadInKw, Double pvInKw, double billInEur) {
    }

    /** One member's trade in a clearing; {@code amountInEur} as stored (paid for a buy, received for a sell). */
    record Trade(String community, long ptuStartMs, String agent, String side, double energyInKwh,
                 double priceInEurPerKwh, double amountInEur) {
    }

    /** One local-market clearing of a community. */
    record Clearing(String community, long ptuStartMs, int ptuMinutes, double priceInEurPerKwh, double tradedInKwh,
                    double gridImportInKwh, double gridExportInKwh, int participants, List<String> absent) {
    }

    /** One UFTP message between the DSO and the aggregator, with what it says. */
    record FlexMessage(String messageId, String kind, String senderDomain, String recipientDomain,
                       String conversationId, String period, String referenceId, Double powerInKw, Double priceInEur,
                       long receivedAtMs) {
    }

    /** The DSO's assessment of one PTU. */
    record GridPtu(long ptuStartMs, String regime, Double transformerLoadingPct, Double minVoltagePu,
                   List<Double> feederPeakInKw) {
    }

    /**
     * The grid state: PTUs newest first, the regime of the newest assessed PTU, and that of the PTU under way now
     * (the newest that started at or before now; null when none did).
     */
    record GridView(List<GridPtu> ptus, String latestRegime, String currentRegime, Long currentPtuStartMs) {
    }

    /** An agent's health, for the operator. */
    record AgentHealth(String id, String role, boolean connected, boolean revoked, Long lastReadingPtuMs,
                       long readings, long absences) {
    }

    /** Result of a revocation. */
    public record Revocation(String id, String role, long revokedAtMs) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The PTUs of a home, one row each (its latest report of that PTU). */
    private static final String HOME_PTUS = "SELECT DISTINCT ON (ptu_start) ptu_start, ptu_minutes, net_kw, load_kw, "
            + "pv_kw, bill_eur FROM reading WHERE agent_id = ? ORDER BY ptu_start, stored_at DESC";

    private final Store store;

    public Queries(Store store) {
        this.store = store;
    }

    /** A home's summary, or empty when there is no such agent. */
    public Optional<ProsumerSummary> prosumerSummary(String agent) throws SQLException {
        try (Connection c = store.connection()) {
            return exists(c, agent) ? Optional.of(summary(c, agent)) : Optional.empty();
        }
    }

    private static ProsumerSummary summary(Connection c, String agent) throws SQLException {
        long ptus;
        double importKwh;
        double exportKwh;
        Double loadKwh;
        Double pvKwh;
        double bill;
        try (PreparedStatement s = c.prepareStatement("SELECT count(*), "
                + "coalesce(sum(greatest(net_kw, 0) * ptu_minutes / 60.0), 0), "
                + "coalesce(sum(greatest(-net_kw, 0) * ptu_minutes / 60.0), 0), "
                + "sum(load_kw * ptu_minutes / 60.0), sum(pv_kw * ptu_minutes / 60.0), coalesce(sum(bill_eur), 0) "
                + "FROM (" + HOME_PTUS + ") r")) {
            s.setString(1, agent);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                ptus = r.getLong(1);
                importKwh = r.getDouble(2);
                exportKwh = r.getDouble(3);
                loadKwh = nullableDouble(r, 4);
                pvKwh = nullableDouble(r, 5);
                bill = r.getDouble(6);
            }
        }
        double bought;
        double sold;
        double amount;
        // Stored amounts may be signed or not; the net paid is buys minus sales either way.
        try (PreparedStatement s = c.prepareStatement("SELECT "
                + "coalesce(sum(energy_kwh) FILTER (WHERE side = 'buy'), 0), "
                + "coalesce(sum(energy_kwh) FILTER (WHERE side = 'sell'), 0), "
                + "coalesce(sum(CASE WHEN side = 'buy' THEN abs(amount_eur) ELSE -abs(amount_eur) END), 0) "
                + "FROM trade WHERE agent_id = ?")) {
            s.setString(1, agent);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                bought = r.getDouble(1);
                sold = r.getDouble(2);
                amount = r.getDouble(3);
            }
        }
        // The saving of a local trade against the supplier: the reading's bill is at the supplier's tariff, so that
        // PTU's tariff is its bill over its energy; a buy saves (tariff - local price) per kWh, a sale earns
        // (local price - tariff). Trades of PTUs the home did not report are left out (no tariff to compare with).
        Double savings;
        try (PreparedStatement s = c.prepareStatement("SELECT sum(CASE WHEN t.side = 'buy' "
                + "THEN t.energy_kwh * (r.bill_eur / (r.net_kw * r.ptu_minutes / 60.0) - t.price_eur_per_kwh) "
                + "ELSE t.energy_kwh * (t.price_eur_per_kwh - r.bill_eur / (r.net_kw * r.ptu_minutes / 60.0)) END) "
                + "FROM trade t JOIN (" + HOME_PTUS + ") r ON r.ptu_start = t.ptu_start "
                + "WHERE t.agent_id = ? AND r.net_kw <> 0")) {
            s.setString(1, agent);
            s.setString(2, agent);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                savings = nullableDouble(r, 1);
            }
        }
        List<SeriesPoint> series = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM (" + HOME_PTUS.replace("ORDER BY ptu_start,",
                "ORDER BY ptu_start DESC,") + " LIMIT 96) r ORDER BY ptu_start")) {
            s.setString(1, agent);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    series.add(new SeriesPoint(r.getTimestamp(1).getTime(), r.getDouble(3), nullableDouble(r, 4),
                            nullableDouble(r, 5), r.getDouble(6)));
                }
            }
        }
        return new ProsumerSummary(agent, ptus, importKwh, exportKwh, loadKwh, pvKwh, bill, bought, sold, amount,
                savings, series);
    }

    /** The newest trades, of one agent or (agent null) of everyone. */
    public List<Trade> trades(String agent, int limit) throws SQLException {
        String sql = "SELECT community, ptu_start, agent_id, side, energy_kwh, price_eur_per_kwh, amount_eur "
                + "FROM trade " + (agent == null ? "" : "WHERE agent_id = ? ")
                + "ORDER BY ptu_start DESC, community, agent_id LIMIT ?";
        List<Trade> out = new ArrayList<>();
        try (Connection c = store.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (agent != null) {
                s.setString(i++, agent);
            }
            s.setInt(i, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Trade(r.getString(1), r.getTimestamp(2).getTime(), r.getString(3), r.getString(4),
                            r.getDouble(5), r.getDouble(6), r.getDouble(7)));
                }
            }
        }
        return out;
    }

    /** The newest local-market clearings, all communities. */
    public List<Clearing> market(int limit) throws SQLException {
        List<Clearing> out = new ArrayList<>();
        try (Connection c = store.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT community, ptu_start, ptu_minutes, price_eur_per_kwh, traded_kwh, grid_import_kwh, "
                        + "grid_export_kwh, participants, absent FROM market_clearing "
                        + "ORDER BY ptu_start DESC, community LIMIT ?")) {
            s.setInt(1, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Clearing(r.getString(1), r.getTimestamp(2).getTime(), r.getInt(3), r.getDouble(4),
                            r.getDouble(5), r.getDouble(6), r.getDouble(7), r.getInt(8), strings(r.getArray(9))));
                }
            }
        }
        return out;
    }

    /** The newest DSO-aggregator messages, by arrival. */
    public List<FlexMessage> flex(int limit) throws SQLException {
        List<FlexMessage> out = new ArrayList<>();
        try (Connection c = store.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT message_id, kind, sender_domain, recipient_domain, conversation_id, period, reference_id, "
                        + "power_kw, price_eur, received_at FROM flex_message "
                        + "ORDER BY received_at DESC, message_id LIMIT ?")) {
            s.setInt(1, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new FlexMessage(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getObject(6, LocalDate.class).toString(), r.getString(7),
                            nullableDouble(r, 8), nullableDouble(r, 9), r.getTimestamp(10).getTime()));
                }
            }
        }
        return out;
    }

    /** The newest assessed PTUs, and the regimes of the newest and of the current one. */
    public GridView grid(int limit, long nowMs) throws SQLException {
        List<GridPtu> ptus = new ArrayList<>();
        String current = null;
        Long currentStart = null;
        try (Connection c = store.connection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT ptu_start, regime, transformer_loading_pct, "
                    + "min_voltage_pu, feeder_peak_kw FROM grid_state ORDER BY ptu_start DESC LIMIT ?")) {
                s.setInt(1, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ptus.add(new GridPtu(r.getTimestamp(1).getTime(), r.getString(2), nullableDouble(r, 3),
                                nullableDouble(r, 4), doubles(r.getArray(5))));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT ptu_start, regime FROM grid_state "
                    + "WHERE ptu_start <= ? ORDER BY ptu_start DESC LIMIT 1")) {
                s.setTimestamp(1, new Timestamp(nowMs));
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        currentStart = r.getTimestamp(1).getTime();
                        current = r.getString(2);
                    }
                }
            }
        }
        return new GridView(ptus, ptus.isEmpty() ? null : ptus.get(0).regime(), current, currentStart);
    }

    /** Every registered agent with its presence, reading count and market absences, by id. */
    public List<AgentHealth> agents() throws SQLException {
        List<AgentHealth> out = new ArrayList<>();
        // Per-agent subqueries ride the (agent_id, ptu_start) and (agent_id, id) indexes instead of grouping the
        // whole reading table on every poll.
        try (Connection c = store.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT a.id, a.role, a.connected, a.revoked_at IS NOT NULL, "
                        + "(SELECT max(ptu_start) FROM reading r WHERE r.agent_id = a.id), "
                        + "(SELECT count(*) FROM reading r WHERE r.agent_id = a.id), "
                        + "(SELECT count(*) FROM agent_event e WHERE e.agent_id = a.id AND e.event = 'absent') "
                        + "FROM agent a ORDER BY a.id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Timestamp last = r.getTimestamp(5);
                out.add(new AgentHealth(r.getString(1), r.getString(2), r.getBoolean(3), r.getBoolean(4),
                        last == null ? null : last.getTime(), r.getLong(6), r.getLong(7)));
            }
        }
        return out;
    }

    /** The role of an agent, if it exists (revoked or not), and whether it is revoked. */
    public Optional<AgentRole> agentRole(String id) throws SQLException {
        try (Connection c = store.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT role, revoked_at IS NOT NULL FROM agent WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new AgentRole(r.getString(1), r.getBoolean(2))) : Optional.empty();
            }
        }
    }

    /** An agent's role and whether it was revoked. */
    public record AgentRole(String role, boolean revoked) {
    }

    // ----- the API's writes to the agent register -----

    /** Registers an agent with its token hash and optional Ed25519 key (X.509 DER); false when the id is taken. */
    public boolean addAgent(String id, String role, byte[] tokenSha256, byte[] publicKeyX509) throws SQLException {
        try (Connection c = store.connection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO agent (id, role, token_sha256, public_key) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (id) DO NOTHING")) {
            s.setString(1, id);
            s.setString(2, role);
            s.setBytes(3, tokenSha256);
            s.setBytes(4, publicKeyX509);
            return s.executeUpdate() == 1;
        }
    }

    /** Replaces the token hash of an agent that is not revoked; false when there is none such. */
    public boolean rotateToken(String id, byte[] tokenSha256) throws SQLException {
        try (Connection c = store.connection(); PreparedStatement s = c.prepareStatement(
                "UPDATE agent SET token_sha256 = ? WHERE id = ? AND revoked_at IS NULL")) {
            s.setBytes(1, tokenSha256);
            s.setString(2, id);
            return s.executeUpdate() == 1;
        }
    }

    /**
     * Revokes an agent: marks it (once; a second revocation keeps the first time) and replaces its token hash by
     * random bytes, the hash of no token anyone holds, so that its token opens nothing even to code that ignores
     * {@code revoked_at}. Its history stays.
     */
    public Optional<Revocation> revoke(String id) throws SQLException {
        byte[] nothing = new byte[32];
        RANDOM.nextBytes(nothing);
        try (Connection c = store.connection(); PreparedStatement s = c.prepareStatement(
                "UPDATE agent SET revoked_at = coalesce(revoked_at, now()), token_sha256 = ? WHERE id = ? "
                        + "RETURNING role, revoked_at")) {
            s.setBytes(1, nothing);
            s.setString(2, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Revocation(id, r.getString(1), r.getTimestamp(2).getTime()))
                        : Optional.empty();
            }
        }
    }

    private static boolean exists(Connection c, String agent) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM agent WHERE id = ?")) {
            s.setString(1, agent);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static Double nullableDouble(ResultSet r, int column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? null : v;
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    private static List<Double> doubles(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((Double[]) a.getArray());
    }
}
