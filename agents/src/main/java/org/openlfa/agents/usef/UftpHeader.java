package org.openlfa.agents.usef;

import java.util.Objects;

/**
 * The attributes every UFTP message carries (USEF Flexibility Trading Protocol, UFTP 3.0, "common attributes").
 *
 * <p>In the study, {@code timeStamp} is the simulated time ("2030Green-High/WINTER/PTU 68"), never the wall clock.
 *
 * @param version         protocol version, "3.0.0"
 * @param senderDomain    internet domain of the sending party (e.g. "dso.openlfa.example")
 * @param recipientDomain internet domain of the receiving party
 * @param timeStamp       when the message was created
 * @param messageId       unique id of this message
 * @param conversationId  id shared by all messages of one request-offer-order-settlement exchange
 */
public record UftpHeader(String version, String senderDomain, String recipientDomain, String timeStamp,
                         String messageId, String conversationId) {

    /** The UFTP version these records follow. */
    public static final String UFTP_VERSION = "3.0.0";

    public UftpHeader {
        Objects.requireNonNull(senderDomain, "senderDomain");
        Objects.requireNonNull(recipientDomain, "recipientDomain");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(conversationId, "conversationId");
    }
}
