package org.openlfa.protocol;

import java.util.Objects;
import java.util.UUID;
import org.openlfa.agents.AclMessage;

/**
 * An {@link AclMessage} as it travels over the network: the study's FIPA-ACL message plus what a network needs and
 * an in-process call does not, a unique message id (duplicate delivery is stored once) and the send time.
 *
 * @param messageId       unique per message; a resend carries the same id
 * @param sentAtEpochMs   when the sender first sent it (wall clock, ms since the epoch)
 * @param ptuStartEpochMs the start of the PTU the content is about (simulated clock under {@code --speed})
 * @param ptuMinutes      the PTU length
 * @param acl             the message itself
 */
public record Envelope(UUID messageId, long sentAtEpochMs, long ptuStartEpochMs, int ptuMinutes, AclMessage acl) {
    public Envelope {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(acl, "acl");
    }
}
