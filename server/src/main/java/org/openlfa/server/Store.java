package org.openlfa.server;

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
import org.flywaydb.core.Flyway;

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
                    + "ptu_minutes, net_kw, bill_eur, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (message_id) DO NOTHING")) {
                for (MeterReading m : readings) {
                    s.setObject(1, m.messageId());
                    s.setString(2, m.agentId());
                    s.setTimestamp(3, new Timestamp(m.ptuStartEpochMs()));
                    s.setInt(4, m.ptuMinutes());
                    s.setDouble(5, m.netInKw());
                    s.setDouble(6, m.billInEur());
                    s.setTimestamp(7, new Timestamp(m.sentAtEpochMs()));
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
        if (!List.of("agent", "reading", "rejected_message").contains(table)) {
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
                "SELECT message_id, agent_id, ptu_start, ptu_minutes, net_kw, bill_eur, sent_at FROM reading "
                        + "WHERE agent_id = ? ORDER BY ptu_start DESC LIMIT ?")) {
            s.setString(1, agentId);
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new MeterReading((java.util.UUID) r.getObject(1), r.getString(2),
                            r.getTimestamp(3).getTime(), r.getInt(4), r.getDouble(5), r.getDouble(6),
                            r.getTimestamp(7).getTime()));
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
