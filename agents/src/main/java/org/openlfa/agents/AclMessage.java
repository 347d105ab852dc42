package org.openlfa.agents;

import java.util.List;
import java.util.Objects;

/**
 * One FIPA-ACL-style message: who says what to whom, within which conversation. Immutable.
 *
 * <pre>{@code
 * AclMessage cfp = new AclMessage(Performative.CFP, agr, List.of(cems), "uc2-c1-winter",
 *         new MessageContent.CommunityPriceSignal(1, prices));
 * AclMessage answer = cfp.replyTo(cems, Performative.PROPOSE, new MessageContent.NetScheduleProposal(1, net));
 * }</pre>
 *
 * @param performative   the communicative act
 * @param sender         who sends it
 * @param receivers      who receive it; at least one
 * @param conversationId the conversation it belongs to (for example {@code "uc2-<communityId>-<dayLabel>"})
 * @param content        the typed content
 */
public record AclMessage(Performative performative, AgentId sender, List<AgentId> receivers, String conversationId,
                         MessageContent content) {

    public AclMessage {
        Objects.requireNonNull(performative, "performative");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(content, "content");
        receivers = List.copyOf(receivers);
        if (receivers.isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one receiver");
        }
    }

    /** A reply from {@code replier} (one of this message's receivers) to this message's sender, same conversation. */
    public AclMessage replyTo(AgentId replier, Performative replyPerformative, MessageContent replyContent) {
        return new AclMessage(replyPerformative, replier, List.of(sender), conversationId, replyContent);
    }
}
