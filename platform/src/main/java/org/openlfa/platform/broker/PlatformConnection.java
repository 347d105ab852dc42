package org.openlfa.platform.broker;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openlfa.platform.security.Authority;
import org.openlfa.protocol.mqtt.NoDelaySocketFactory;

/**
 * One of the platform's own MQTT connections (the reading intake, the agents), as user {@code lfa-platform} with the
 * password that exists only in this process. Being a plain MQTT client, it works unchanged against an external
 * broker.
 *
 * <p>Every (re)connection subscribes in the connect callback, and {@link #connect} waits until the first
 * subscription is granted: a connection the broker drops during start (seen in CI: "SUBSCRIBE received on already
 * closed connection") is then retried by Paho's automatic reconnect instead of failing the platform's start.
 *
 * <pre>{@code
 * PlatformConnection c = new PlatformConnection(brokerUrl, "lfa-platform-agents", tls, password, "agents");
 * c.client().publish(...);                                     // may be used once connected
 * c.connect(new String[] {Topics.ALL_STATUS}, (topic, payload) -> handle(topic, payload));
 * }</pre>
 */
public final class PlatformConnection implements AutoCloseable {

    /** Handles one message, on Paho's callback thread. */
    @FunctionalInterface
    public interface Handler {
        void onMessage(String topic, byte[] payload) throws InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(PlatformConnection.class);

    private final MqttAsyncClient client;
    private final String password;
    private final SSLContext tls;
    private final String purpose;

    /**
     * Creates the client without connecting it, so that whoever handles its messages can be built around it first.
     *
     * @param clientId {@code lfa-platform} or {@code lfa-platform-…}: one per connection
     * @param purpose  names the connection in the log
     */
    public PlatformConnection(String brokerUrl, String clientId, SSLContext tls, String password, String purpose)
            throws MqttException {
        this.client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        this.tls = tls;
        this.password = password;
        this.purpose = purpose;
    }

    public MqttAsyncClient client() {
        return client;
    }

    /** Connects, subscribes to {@code topics} (QoS 1) and waits for the broker to grant them (30 s at most). */
    public void connect(String[] topics, Handler handler) throws MqttException {
        CountDownLatch subscribed = new CountDownLatch(1);
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(Authority.PLATFORM);
        o.setPassword(password.toCharArray());
        o.setSocketFactory(new NoDelaySocketFactory(tls.getSocketFactory()));
        o.setHttpsHostnameVerificationEnabled(true);
        o.setCleanSession(true);
        o.setAutomaticReconnect(true);
        o.setMaxInflight(10_000);
        o.setKeepAliveInterval(30);
        int[] qos = new int[topics.length];
        Arrays.fill(qos, 1);
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                try {
                    client.subscribe(topics, qos, null, new IMqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            subscribed.countDown();
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable failure) {
                            LOG.warn("{}: subscription refused: {}", purpose, String.valueOf(failure));
                        }
                    });
                } catch (MqttException e) {
                    LOG.error("{}: cannot subscribe", purpose, e);
                }
            }

            @Override
            public void connectionLost(Throwable cause) {
                LOG.warn("{} lost its broker connection: {}", purpose, String.valueOf(cause));
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
                handler.onMessage(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        client.connect(o).waitForCompletion(30_000);
        try {
            if (!subscribed.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(purpose + ": the broker did not grant the subscriptions within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(purpose + ": interrupted while subscribing", e);
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(500).waitForCompletion(5000);
            }
        } catch (MqttException e) {
            LOG.debug("{} close: {}", purpose, e.toString());
        }
        try {
            client.close();
        } catch (MqttException e) {
            LOG.debug("{} close: {}", purpose, e.toString());
        }
    }
}
