package org.openlfa.platform.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.time.LocalDate;
import org.flywaydb.core.Flyway;
import org.openlfa.protocol.MarketClearing;
import org.openlfa.protocol.MeterReading;

/**
 * The platform's PostgreSQL store: schema by Flyway ({@code db/migration}), connections by HikariCP.
 *
 * <pre>{@code
 * try (Store store = Store.open("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", password)) {
 *     int[] stored = store.insertReadings(batch);   // 1 = new, 0 = duplicate
 * }
 * }</pre>
 */
public final class Store implements AutoCloseable {

    /** A registered agent. */
    public record Agent(String id, String role, byte[] tokenSha256) {
    }

    /** The columns {@link #reading} reads, in its order. */
    private static final String READING_COLUMNS = "message_id, agent_id, ptu_start, ptu_minutes, net_kw, bill_eur, "
            + "sent_at";

    private final HikariDataSource pool;

    private Store(HikariDataSource pool) {
        this.pool = pool;
    }

    /** Connects, migrates the schema to the latest version, and returns the store. */
    public static Store open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setPoolName("openlfa");
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Store(ds);
    }

    /** A connection from the pool, for the read-side queries ({@link Queries}); the caller closes it. */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** Registers an agent; false when the id is taken. */
    public boolean addAgent(String id, String role, byte[] tokenSha256) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO agent (id, role, token_sha256) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            s.setString(1, id);
            s.setString(2, role);
            s.setBytes(3, tokenSha256);
            return s.executeUpdate() == 1;
        }
    }

    public Optional<Agent> agent(String id) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, role, token_sha256 FROM agent WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Agent(r.getString(1), r.getString(2), r.getBytes(3)))
                        : Optional.empty();
            }
        }
    }

    public Optional<Agent> agentByToken(byte[] tokenSha256) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT id, role, token_sha256 FROM agent WHERE token_sha256 = ?")) {
            s.setBytes(1, tokenSha256);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Agent(r.getString(1), r.getString(2), r.getBytes(3)))
                        : Optional.empty();
            }
        }
    }

    /**
     * Stores readings in one transaction; a message id already stored is skipped (duplicate delivery).
     *
     * @return per reading, 1 when stored now, 0 when it was a duplicate
     */
    public int[] insertReadings(List<MeterReading> readings) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO reading (message_id, agent_id, ptu_start, "
                    + "ptu_minutes, net_kw, bill_eur, sent_at, load_kw, pv_kw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (message_id) DO NOTHING")) {
                for (MeterReading m : readings) {
                    s.setObject(1, m.messageId());
                    s.setString(2, m.agentId());
                    s.setTimestamp(3, new Timestamp(m.ptuStartEpochMs()));
                    s.setInt(4, m.ptuMinutes());
                    s.setDouble(5, m.netInKw());
                    s.setDouble(6, m.billInEur());
                    s.setTimestamp(7, new Timestamp(m.sentAtEpochMs()));
                    setOptional(s, 8, m.loadInKw());
                    setOptional(s, 9, m.pvInKw());
                    s.addBatch();
                }
                int[] counts = s.executeBatch();
                c.commit();
                return counts;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void setOptional(PreparedStatement s, int index, java.util.OptionalDouble value)
            throws SQLException {
        if (value.isPresent()) {
            s.setDouble(index, value.getAsDouble());
        } else {
            s.setNull(index, java.sql.Types.DOUBLE);
        }
    }

    /** An agent came or went: sets its presence and keeps the event. Unknown agents are ignored (false). */
    public boolean setPresence(String agentId, boolean online) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement u = c.prepareStatement("UPDATE agent SET connected = ? WHERE id = ?");
                 PreparedStatement e = c.prepareStatement(
                         "INSERT INTO agent_event (agent_id, event) VALUES (?, ?)")) {
                u.setBoolean(1, online);
                u.setString(2, agentId);
                if (u.executeUpdate() == 0) {
                    c.rollback();
                    return false;
                }
                e.setString(1, agentId);
                e.setString(2, online ? "online" : "offline");
                e.executeUpdate();
                c.commit();
                return true;
            } catch (SQLException ex) {
                c.rollback();
                throw ex;
            }
        }
    }

    /** One bid: a proposal (net schedule for a day) in a negotiation; a redelivered message is stored once. */
    public void insertBid(UUID messageId, String agentId, String conversationId, int round, LocalDate day,
                          double[] netInKw) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO bid (message_id, agent_id, conversation_id, round, day, net_kw) VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (message_id) DO NOTHING")) {
            s.setObject(1, messageId);
            s.setString(2, agentId);
            s.setString(3, conversationId);
            s.setInt(4, round);
            s.setObject(5, day);
            s.setArray(6, c.createArrayOf("float8", boxed(netInKw)));
            s.executeUpdate();
        }
    }

    /**
     * One PTU's local-market clearing with its trades and the absences of members that did not report, in one
     * transaction; a PTU already cleared is left as it was (false).
     */
    public boolean insertClearing(MarketClearing m) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement h = c.prepareStatement("INSERT INTO market_clearing (community, ptu_start, "
                    + "ptu_minutes, price_eur_per_kwh, traded_kwh, grid_import_kwh, grid_export_kwh, participants, "
                    + "absent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
                 PreparedStatement t = c.prepareStatement("INSERT INTO trade (community, ptu_start, agent_id, side, "
                         + "energy_kwh, price_eur_per_kwh, amount_eur) VALUES (?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement a = c.prepareStatement(
                         "INSERT INTO agent_event (agent_id, event, ptu_start) VALUES (?, 'absent', ?)")) {
                Timestamp ptu = new Timestamp(m.ptuStartEpochMs());
                h.setString(1, m.community());
                h.setTimestamp(2, ptu);
                h.setInt(3, m.ptuMinutes());
                h.setDouble(4, m.priceInEurPerKwh());
                h.setDouble(5, m.tradedInKwh());
                h.setDouble(6, m.gridImportInKwh());
                h.setDouble(7, m.gridExportInKwh());
                h.setInt(8, m.participants());
                h.setArray(9, c.createArrayOf("text", m.absent().toArray()));
                if (h.executeUpdate() == 0) {
                    c.rollback();
                    return false;
                }
                for (MarketClearing.Trade tr : m.trades()) {
                    t.setString(1, m.community());
                    t.setTimestamp(2, ptu);
                    t.setString(3, tr.agentId());
                    t.setString(4, tr.energyInKwh() >= 0 ? "buy" : "sell");
                    t.setDouble(5, Math.abs(tr.energyInKwh()));
                    t.setDouble(6, m.priceInEurPerKwh());
                    t.setDouble(7, Math.abs(tr.energyInKwh()) * m.priceInEurPerKwh());
                    t.addBatch();
                }
                t.executeBatch();
                for (String absent : m.absent()) {
                    a.setString(1, absent);
                    a.setTimestamp(2, ptu);
                    a.addBatch();
                }
                a.executeBatch();
                c.commit();
                return true;
            } catch (SQLException ex) {
                c.rollback();
                throw ex;
            }
        }
    }

    /**
     * The DSO's traffic light of a PTU with the grid figures behind it; a later assessment of the same PTU (after
     * flexibility) replaces the earlier one.
     */
    public void upsertGridState(long ptuStartEpochMs, String regime, double transformerLoadingPct,
                                double minVoltagePu, double[] feederPowerInKw) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO grid_state (ptu_start, regime, transformer_loading_pct, min_voltage_pu, feeder_peak_kw) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (ptu_start) DO UPDATE SET regime = excluded.regime, "
                        + "transformer_loading_pct = excluded.transformer_loading_pct, min_voltage_pu = "
                        + "excluded.min_voltage_pu, feeder_peak_kw = excluded.feeder_peak_kw, assessed_at = "
                        + "clock_timestamp()")) {
            s.setTimestamp(1, new Timestamp(ptuStartEpochMs));
            s.setString(2, regime);
            setFinite(s, 3, transformerLoadingPct);
            setFinite(s, 4, minVoltagePu);
            s.setArray(5, c.createArrayOf("float8", boxed(feederPowerInKw)));
            s.executeUpdate();
        }
    }

    private static void setFinite(PreparedStatement s, int index, double value) throws SQLException {
        if (Double.isFinite(value)) {
            s.setDouble(index, value);
        } else {
            s.setNull(index, java.sql.Types.DOUBLE);
        }
    }

    /**
     * One DSO-aggregator message as it was signed and received (its UFTP message id makes a redelivery harmless).
     *
     * @return false when it was stored before
     */
    public boolean insertFlexMessage(FlexRecord m) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO flex_message (message_id, kind, sender_domain, recipient_domain, conversation_id, period, "
                        + "reference_id, power_kw, price_eur, signed_xml) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (message_id) DO NOTHING")) {
            s.setString(1, m.messageId());
            s.setString(2, m.kind());
            s.setString(3, m.senderDomain());
            s.setString(4, m.recipientDomain());
            s.setString(5, m.conversationId());
            s.setObject(6, m.period());
            s.setString(7, m.referenceId());
            setFinite(s, 8, m.powerInKw());
            setFinite(s, 9, m.priceInEur());
            s.setString(10, m.signedXml());
            return s.executeUpdate() == 1;
        }
    }

    /**
     * A DSO-aggregator message for {@link #insertFlexMessage}.
     *
     * @param kind        prognosis, request, offer, order or settlement
     * @param referenceId the message it answers (an offer's request, an order's offer), or null
     * @param powerInKw   the largest power it names (NaN when none)
     * @param priceInEur  its price (NaN when none)
     */
    public record FlexRecord(String messageId, String kind, String senderDomain, String recipientDomain,
                             String conversationId, LocalDate period, String referenceId, double powerInKw,
                             double priceInEur, String signedXml) {
    }

    /** A reading from a row of {@link #READING_COLUMNS}. */
    private static MeterReading reading(ResultSet r) throws SQLException {
        return new MeterReading((UUID) r.getObject(1), r.getString(2), r.getTimestamp(3).getTime(), r.getInt(4),
                r.getDouble(5), r.getDouble(6), r.getTimestamp(7).getTime());
    }

    /** Stored readings of PTUs the community's market has not cleared (after a restart), oldest first. */
    public List<MeterReading> unclearedReadings(String community) throws SQLException {
        List<MeterReading> out = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT " + READING_COLUMNS + " FROM reading r "
                        + "WHERE NOT EXISTS (SELECT 1 FROM market_clearing m WHERE m.community = ? "
                        + "AND m.ptu_start = r.ptu_start) ORDER BY ptu_start")) {
            s.setString(1, community);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(reading(r));
                }
            }
        }
        return out;
    }

    /**
     * The Ed25519 public key (X.509 SubjectPublicKeyInfo) registered for agent {@code id} in {@code role}, if the agent
     * exists, is not revoked and registered one.
     */
    public Optional<byte[]> publicKey(String id, String role) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT public_key FROM agent WHERE id = ? AND role = ? AND revoked_at IS NULL "
                        + "AND public_key IS NOT NULL")) {
            s.setString(1, id);
            s.setString(2, role);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
            }
        }
    }

    private static Double[] boxed(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** Keeps a refused message and its reason (the payload's first 200 characters only). */
    public void insertRejection(String agentId, String topic, String reason, String payloadHead) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO rejected_message (agent_id, topic, reason, payload_head) VALUES (?, ?, ?, ?)")) {
            s.setString(1, agentId);
            s.setString(2, topic);
            s.setString(3, reason);
            s.setString(4, payloadHead);
            s.executeUpdate();
        }
    }

    /** Number of stored readings, all or those of agents whose id starts with {@code agentPrefix}. */
    public long readingCount(String agentPrefix) throws SQLException {
        String sql = agentPrefix == null ? "SELECT count(*) FROM reading"
                : "SELECT count(*) FROM reading WHERE agent_id LIKE ? ESCAPE '\\'";
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (agentPrefix != null) {
                s.setString(1, agentPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    public long count(String table) throws SQLException {
        if (!List.of("agent", "reading", "rejected_message", "bid", "market_clearing", "trade", "agent_event",
                "flex_message", "grid_state").contains(table)) {
            throw new IllegalArgumentException(table);
        }
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM " + table); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The last {@code limit} readings of an agent, newest first. */
    public List<MeterReading> readingsOf(String agentId, int limit) throws SQLException {
        List<MeterReading> out = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT " + READING_COLUMNS + " FROM reading "
                        + "WHERE agent_id = ? ORDER BY ptu_start DESC LIMIT ?")) {
            s.setString(1, agentId);
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(reading(r));
                }
            }
        }
        return out;
    }

    /** The last rejection reasons, newest first. */
    public List<String> lastRejections(int limit) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT coalesce(agent_id, '?') || ': ' || reason FROM rejected_message ORDER BY id DESC LIMIT ?")) {
            s.setInt(1, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        pool.close();
    }
}
