package org.openlfa.platform;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import org.openlfa.platform.store.Store;

/**
 * Test-only writes of the rows the live agents make (clearings, trades, UFTP messages, grid states, agent events,
 * readings with load and PV), in plain JDBC through the platform's own {@link Store#connection()}, so that the read
 * side can be tested with exact figures whatever the live agents do meanwhile.
 */
final class Seeds {

    private final Store store;

    private Seeds(Store store) {
        this.store = store;
    }

    /** The seeds of a running platform (its store is private: the tests reach it by reflection). */
    static Seeds of(Platform platform) {
        try {
            Field f = Platform.class.getDeclaredField("store");
            f.setAccessible(true);
            return new Seeds((Store) f.get(platform));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Platform has no field 'store' any more: update Seeds", e);
        }
    }

    Store store() {
        return store;
    }

    void reading(String agent, long ptuStartMs, int ptuMinutes, double netKw, double billEur, Double loadKw,
                 Double pvKw) throws SQLException {
        update("INSERT INTO reading (message_id, agent_id, ptu_start, ptu_minutes, net_kw, bill_eur, sent_at, load_kw, "
                + "pv_kw) VALUES (?, ?, ?, ?, ?, ?, now(), ?, ?)", UUID.randomUUID(), agent, new Timestamp(ptuStartMs),
                ptuMinutes, netKw, billEur, loadKw, pvKw);
    }

    /** Sets the load and PV of readings already stored (those that came in over MQTT). */
    void readingParts(String agent, long ptuStartMs, double loadKw, double pvKw) throws SQLException {
        update("UPDATE reading SET load_kw = ?, pv_kw = ? WHERE agent_id = ? AND ptu_start = ?", loadKw, pvKw, agent,
                new Timestamp(ptuStartMs));
    }

    void clearing(String community, long ptuStartMs, int ptuMinutes, double priceEurPerKwh, double tradedKwh,
                  double gridImportKwh, double gridExportKwh, int participants, String... absent) throws SQLException {
        try (Connection c = store.connection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO market_clearing (community, ptu_start, ptu_minutes, price_eur_per_kwh, traded_kwh, "
                        + "grid_import_kwh, grid_export_kwh, participants, absent) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(s, community, new Timestamp(ptuStartMs), ptuMinutes, priceEurPerKwh, tradedKwh, gridImportKwh,
                    gridExportKwh, participants);
            s.setArray(9, c.createArrayOf("text", absent));
            s.executeUpdate();
        }
    }

    void trade(String community, long ptuStartMs, String agent, String side, double energyKwh, double priceEurPerKwh,
               double amountEur) throws SQLException {
        update("INSERT INTO trade (community, ptu_start, agent_id, side, energy_kwh, price_eur_per_kwh, amount_eur) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", community, new Timestamp(ptuStartMs), agent, side, energyKwh,
                priceEurPerKwh, amountEur);
    }

    void flex(String messageId, String kind, String sender, String recipient, String conversation, LocalDate period,
              String referenceId, Double powerKw, Double priceEur, long receivedAtMs) throws SQLException {
        update("INSERT INTO flex_message (message_id, kind, sender_domain, recipient_domain, conversation_id, period, "
                + "reference_id, power_kw, price_eur, signed_xml, received_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                messageId, kind, sender, recipient, conversation, period, referenceId, powerKw, priceEur,
                "<" + kind + "/>", new Timestamp(receivedAtMs));
    }

    /** A PTU's grid state; it replaces one the platform's DSO agent may have written for the same PTU. */
    void grid(long ptuStartMs, String regime, Double loadingPct, Double minVoltagePu, double... feederPeakKw)
            throws SQLException {
        try (Connection c = store.connection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO grid_state (ptu_start, regime, transformer_loading_pct, min_voltage_pu, feeder_peak_kw) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (ptu_start) DO UPDATE SET regime = excluded.regime, "
                        + "transformer_loading_pct = excluded.transformer_loading_pct, "
                        + "min_voltage_pu = excluded.min_voltage_pu, feeder_peak_kw = excluded.feeder_peak_kw")) {
            bind(s, new Timestamp(ptuStartMs), regime, loadingPct, minVoltagePu);
            s.setArray(5, c.createArrayOf("float8", Arrays.stream(feederPeakKw).boxed().toArray()));
            s.executeUpdate();
        }
    }

    void event(String agent, String event, Long ptuStartMs) throws SQLException {
        update("INSERT INTO agent_event (agent_id, event, ptu_start) VALUES (?, ?, ?)", agent, event,
                ptuStartMs == null ? null : new Timestamp(ptuStartMs));
    }

    void connected(String agent, boolean connected) throws SQLException {
        update("UPDATE agent SET connected = ? WHERE id = ?", connected, agent);
    }

    /** The stored public key of an agent, or null. */
    byte[] publicKey(String agent) throws SQLException {
        try (Connection c = store.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT public_key FROM agent WHERE id = ?")) {
            s.setString(1, agent);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getBytes(1) : null;
            }
        }
    }

    private void update(String sql, Object... values) throws SQLException {
        try (Connection c = store.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, values);
            s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Double d) {
                s.setDouble(i + 1, d);
            } else if (values[i] == null) {
                s.setNull(i + 1, java.sql.Types.NULL);
            } else {
                s.setObject(i + 1, values[i]);
            }
        }
    }
}
