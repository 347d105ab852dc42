package org.openlfa.protocol;

/** A message the platform refuses; the message is the reason given back to the sender. */
public final class RejectedMessage extends Exception {
    public RejectedMessage(String reason) {
        super(reason, null, false, false);
    }
}
