/**
 * The DSO–aggregator channel of the live platform, UFTP 3.0 (Shapeshifter): the messages as XML ({@link
 * org.openlfa.protocol.uftp.UftpXml}), their signed wrapper ({@link org.openlfa.protocol.uftp.SignedMessage}, keys in
 * {@link org.openlfa.protocol.uftp.UftpKeys}), and the intake's guards against replays ({@link
 * org.openlfa.protocol.uftp.ReplayGuard}) and floods ({@link org.openlfa.protocol.uftp.RateLimiter}).
 *
 * <p>Intake order, cheapest and most trusting last: rate limit by the connection's identity, verify the signature
 * (before parsing the inner XML, so only registered senders reach the message parser), parse, then the replay check
 * on the authenticated message id and time stamp.
 */
package org.openlfa.protocol.uftp;
