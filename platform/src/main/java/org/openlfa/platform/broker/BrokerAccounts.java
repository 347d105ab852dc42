package org.openlfa.platform.broker;

/**
 * The broker's side of the agent register: what the broker must learn when the platform registers, re-keys or
 * revokes an agent. The embedded broker asks the {@link Authority} on every login and needs nothing
 * ({@link #NONE}); an external Mosquitto is told through its dynamic-security plugin.
 */
public interface BrokerAccounts {

    /** For a broker that consults the platform's register itself. */
    BrokerAccounts NONE = new BrokerAccounts() {
        @Override
        public void register(String agentId, String role, String token) {
        }

        @Override
        public void revoke(String agentId) {
        }
    };

    /**
     * Creates the agent's broker account (user name = client id = {@code agentId}, password = {@code token}) with
     * the topic rights of its role (see {@link Topics}), or replaces its password if it exists (token rotation).
     */
    void register(String agentId, String role, String token);

    /** Removes the account and disconnects the agent. */
    void revoke(String agentId);
}
