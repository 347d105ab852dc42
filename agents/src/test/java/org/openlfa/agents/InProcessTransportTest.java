package org.openlfa.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlfa.agents.MessageContent.CommunityPriceSignal;
import org.openlfa.core.PtuSeries;

/** The in-process transport delivers first in, first out, and the same sends give the same deliveries. */
class InProcessTransportTest {

    static final AgentId A = new AgentId("a");
    static final AgentId B = new AgentId("b");
    static final AgentId C = new AgentId("c");

    /** Logs what it receives and, while the round is below 2, forwards it to the next agent with round + 1. */
    record Relay(AgentId id, AgentId next, List<String> log) implements Agent {
        @Override
        public void receive(AclMessage message, Transport transport) {
            int round = ((CommunityPriceSignal) message.content()).round();
            log.add(id + "<-" + message.sender() + ":" + round);
            if (round < 2) {
                transport.send(new AclMessage(Performative.INFORM, id, List.of(next), message.conversationId(),
                        new CommunityPriceSignal(round + 1, PtuSeries.of())));
            }
        }
    }

    static List<String> run() {
        List<String> log = new ArrayList<>();
        InProcessTransport transport = new InProcessTransport();
        transport.register(A, new Relay(A, B, log));
        transport.register(B, new Relay(B, C, log));
        transport.register(C, new Relay(C, A, log));
        transport.send(new AclMessage(Performative.INFORM, A, List.of(B, C), "x", new CommunityPriceSignal(0,
                PtuSeries.of())));
        transport.send(new AclMessage(Performative.INFORM, C, List.of(A), "x", new CommunityPriceSignal(0,
                PtuSeries.of())));
        assertThat(transport.pendingCount()).isEqualTo(2);
        transport.deliverAll();
        assertThat(transport.pendingCount()).isZero();
        assertThat(transport.deliveredCount()).isEqualTo(log.size());
        return log;
    }

    @Test
    void deliversFifoIncludingMessagesSentWhileDelivering() {
        // the first message reaches b then c, the second a; each answer joins the back of the queue
        assertThat(run()).containsExactly(
                "b<-a:0", "c<-a:0", "a<-c:0",
                "c<-b:1", "a<-c:1", "b<-a:1",
                "a<-c:2", "b<-a:2", "c<-b:2");
    }

    @Test
    void isDeterministic() {
        assertThat(run()).isEqualTo(run());
    }

    @Test
    void rejectsUnknownReceiverByName() {
        InProcessTransport transport = new InProcessTransport();
        transport.register(A, new Relay(A, B, new ArrayList<>()));
        AclMessage message = new AclMessage(Performative.CFP, A, List.of(A, new AgentId("ghost")), "x",
                new CommunityPriceSignal(0, PtuSeries.of()));
        assertThatThrownBy(() -> transport.send(message))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ghost");
        assertThat(transport.pendingCount()).isZero();
    }

    @Test
    void replyGoesBackToTheSenderInTheSameConversation() {
        double[] prices = {0.1, 0.2};
        AclMessage cfp = new AclMessage(Performative.CFP, A, List.of(B, C), "uc2-c1-d1",
                new CommunityPriceSignal(3, PtuSeries.of(prices)));
        prices[0] = 9;
        AclMessage reply = cfp.replyTo(B, Performative.PROPOSE,
                new MessageContent.NetScheduleProposal(3, PtuSeries.of(1, 2)));
        assertThat(reply.sender()).isEqualTo(B);
        assertThat(reply.receivers()).containsExactly(A);
        assertThat(reply.conversationId()).isEqualTo("uc2-c1-d1");
        // contents are copied in and out, and compare by value
        assertThat(((CommunityPriceSignal) cfp.content()).priceInEurPerKwh().toArray()).containsExactly(0.1, 0.2);
        assertThat(cfp.content()).isEqualTo(new CommunityPriceSignal(3, PtuSeries.of(0.1, 0.2)));
    }
}
