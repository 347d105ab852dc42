package org.openlfa.agents;

/**
 * The communicative act of an {@link AclMessage}, after FIPA ACL: what the sender means by sending the content.
 *
 * <pre>{@code
 * transport.send(new AclMessage(Performative.CFP, aggregator, List.of(cems), "uc2-c1-winter", signal));
 * }</pre>
 */
public enum Performative {
    /** Call for proposals: the receiver is asked to answer with a {@link #PROPOSE} (contract net, first step). */
    CFP,
    /** A proposal in answer to a {@link #CFP}, for example a net schedule the sender is able to run. */
    PROPOSE,
    /** The sender accepts (a combination of) the receiver's proposals; the receiver commits to them. */
    ACCEPT_PROPOSAL,
    /** The sender rejects the receiver's proposals; the receiver keeps its own plan. */
    REJECT_PROPOSAL,
    /** The sender tells the receiver a fact, for example the plan it runs (publish-subscribe notifications too). */
    INFORM,
    /** The sender asks the receiver to perform an action. */
    REQUEST,
    /** The sender asks to be informed whenever something changes (prices, measurements, forecasts). */
    SUBSCRIBE,
    /** The sender agrees to perform a requested action or to serve a subscription. */
    AGREE,
    /** The sender declines a request or a call for proposals. */
    REFUSE,
    /** The sender tried to perform an agreed action and failed. */
    FAILURE
}
