package org.openlfa.platform.live;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.openlfa.agents.usef.CongestionPoint;
import org.openlfa.agents.usef.FlexOffer;
import org.openlfa.agents.usef.FlexOrder;
import org.openlfa.agents.usef.FlexRequest;
import org.openlfa.agents.usef.FlexSettlement;
import org.openlfa.agents.usef.UftpHeader;
import org.openlfa.protocol.uftp.Prognosis;

/**
 * Between the study's USEF records and strict UFTP. The study's DSO and aggregator agents name their messages and
 * congestion points for people ({@code FlexRequest-2030-01-15-1}, {@code TR1}, {@code F3}) and ask for "at most
 * -12 kW" with an open other bound; UFTP wants UUIDs, entity addresses and two finite bounds. On the way out every id
 * becomes a name-based UUID (the same name always gives the same UUID, so references stay consistent) and every
 * {@link CongestionPoint} an {@code ea1} address of the platform's network ({@code
 * ea1.2026-11.example.openlfa:<network id>.TR1}); on the way in both are mapped back where this platform made them,
 * and kept as they are (an {@linkplain CongestionPoint#address(String) address point}) where another party did.
 *
 * <pre>{@code
 * UftpBridge bridge = new UftpBridge("network_22");
 * Record wire = bridge.toWire(flexRequest);      // UUIDs, ea1 address, finite bounds, time stamp now
 * FlexRequest back = (FlexRequest) bridge.fromWire(wire);
 * }</pre>
 */
public final class UftpBridge {

    /**
     * The bound written for "no bound": 10 MW, beyond any LV congestion point (a 1,000 kVA transformer carries 1 MW).
     * Read back as unbounded.
     */
    public static final double UNBOUNDED_IN_KW = 10_000.0;
    /** What the entity address of a congestion point of network {@code id} starts with, before the network's id. */
    public static final String ADDRESS_PREFIX = "ea1.2026-11.example.openlfa:";
    private static final Pattern UUID_FORM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The study's name of every UUID this bridge made. */
    private final Map<String, String> nameOf = new ConcurrentHashMap<>();
    private final String pointPrefix;

    /**
     * A bridge for the congestion points of one network.
     *
     * @param networkId the network's id ({@code network_22} for the reference), part of every point's address
     */
    public UftpBridge(String networkId) {
        this.pointPrefix = ADDRESS_PREFIX + Objects.requireNonNull(networkId, "networkId") + ".";
    }

    /** A study message in strict UFTP form. */
    Record toWire(Record message) {
        if (message instanceof FlexRequest r) {
            List<FlexRequest.FlexRequestIsp> isps = new ArrayList<>();
            for (FlexRequest.FlexRequestIsp i : r.isps()) {
                isps.add(new FlexRequest.FlexRequestIsp(i.disposition(), bounded(i.minPowerInKw()),
                        bounded(i.maxPowerInKw()), i.start(), i.duration()));
            }
            return new FlexRequest(header(r.header(), r.period()), r.ispDurationIso(), r.period(), point(r.congestionPoint()),
                    r.revision(), r.contractId(), r.serviceType(), isps);
        }
        if (message instanceof FlexOffer o) {
            // UFTP has no empty offer; "nothing to offer" is an option of no power at no price, which the DSO's
            // rule (order only what moves energy, within its price cap) never orders
            List<FlexOffer.FlexOfferOption> options = o.options().isEmpty()
                    ? List.of(new FlexOffer.FlexOfferOption(o.header().messageId() + "-none",
                    List.of(new FlexOffer.FlexOfferIsp(0, 1, 1)), 0, 1.0)) : o.options();
            List<FlexOffer.FlexOfferOption> named = new ArrayList<>();
            for (FlexOffer.FlexOfferOption option : options) {
                named.add(new FlexOffer.FlexOfferOption(uuid(option.optionReference(), o.period()), option.isps(),
                        option.priceInEur(), option.minActivationFactor()));
            }
            return new FlexOffer(header(o.header(), o.period()), o.ispDurationIso(), o.period(),
                    point(o.congestionPoint()), uuid(o.flexRequestMessageId(), o.period()), o.contractId(), named);
        }
        if (message instanceof FlexOrder o) {
            return new FlexOrder(header(o.header(), o.period()), o.ispDurationIso(), o.period(),
                    point(o.congestionPoint()), uuid(o.flexOfferMessageId(), o.period()), o.contractId(),
                    uuid(o.optionReference(), o.period()), o.orderReference(), o.isps(), o.priceInEur(), o.currency(),
                    o.activationFactor());
        }
        if (message instanceof FlexSettlement s) {
            List<FlexSettlement.FlexOrderSettlement> orders = new ArrayList<>();
            for (FlexSettlement.FlexOrderSettlement o : s.orderSettlements()) {
                orders.add(new FlexSettlement.FlexOrderSettlement(o.orderReference(), o.period(),
                        point(o.congestionPoint()), o.priceInEur(), o.penaltyInEur(), o.netSettlementInEur(),
                        o.isps()));
            }
            return new FlexSettlement(header(s.header(), s.periodStart()), s.periodStart(), s.periodEnd(), s.currency(), orders);
        }
        if (message instanceof Prognosis p) {
            return new Prognosis(header(p.header(), p.period()), p.ispDurationIso(), p.period(), point(p.congestionPoint()),
                    p.revision(), p.isps());
        }
        throw new IllegalArgumentException("no UFTP form for " + message.getClass().getSimpleName());
    }

    /** A strict UFTP message in the study's form (names this bridge made are given back). */
    Record fromWire(Record message) {
        if (message instanceof FlexRequest r) {
            List<FlexRequest.FlexRequestIsp> isps = new ArrayList<>();
            for (FlexRequest.FlexRequestIsp i : r.isps()) {
                isps.add(new FlexRequest.FlexRequestIsp(i.disposition(), unbounded(i.minPowerInKw()),
                        unbounded(i.maxPowerInKw()), i.start(), i.duration()));
            }
            return new FlexRequest(headerBack(r.header()), r.ispDurationIso(), r.period(),
                    pointBack(r.congestionPoint()), r.revision(), r.contractId(), r.serviceType(), isps);
        }
        if (message instanceof FlexOffer o) {
            List<FlexOffer.FlexOfferOption> options = new ArrayList<>();
            for (FlexOffer.FlexOfferOption option : o.options()) {
                options.add(new FlexOffer.FlexOfferOption(name(option.optionReference()), option.isps(),
                        option.priceInEur(), option.minActivationFactor()));
            }
            return new FlexOffer(headerBack(o.header()), o.ispDurationIso(), o.period(),
                    pointBack(o.congestionPoint()), name(o.flexRequestMessageId()), o.contractId(), options);
        }
        if (message instanceof FlexOrder o) {
            return new FlexOrder(headerBack(o.header()), o.ispDurationIso(), o.period(),
                    pointBack(o.congestionPoint()), name(o.flexOfferMessageId()), o.contractId(),
                    name(o.optionReference()), o.orderReference(), o.isps(), o.priceInEur(), o.currency(),
                    o.activationFactor());
        }
        if (message instanceof FlexSettlement s) {
            List<FlexSettlement.FlexOrderSettlement> orders = new ArrayList<>();
            for (FlexSettlement.FlexOrderSettlement o : s.orderSettlements()) {
                orders.add(new FlexSettlement.FlexOrderSettlement(o.orderReference(), o.period(),
                        pointBack(o.congestionPoint()), o.priceInEur(), o.penaltyInEur(), o.netSettlementInEur(),
                        o.isps()));
            }
            return new FlexSettlement(headerBack(s.header()), s.periodStart(), s.periodEnd(), s.currency(), orders);
        }
        if (message instanceof Prognosis p) {
            return new Prognosis(headerBack(p.header()), p.ispDurationIso(), p.period(),
                    pointBack(p.congestionPoint()), p.revision(), p.isps());
        }
        throw new IllegalArgumentException("no study form for " + message.getClass().getSimpleName());
    }

    private UftpHeader header(UftpHeader h, String period) {
        return new UftpHeader(UftpHeader.UFTP_VERSION, h.senderDomain(), h.recipientDomain(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), uuid(h.messageId(), period),
                uuid(h.conversationId(), period));
    }

    private UftpHeader headerBack(UftpHeader h) {
        return new UftpHeader(h.version(), h.senderDomain(), h.recipientDomain(), h.timeStamp(),
                name(h.messageId()), name(h.conversationId()));
    }

    /**
     * The UUID of a study name within a period (a UUID stays itself). The period is part of it because the study's
     * agents start their names afresh every day.
     */
    String uuid(String name, String period) {
        if (name == null || UUID_FORM.matcher(name).matches()) {
            return name;
        }
        String id = UUID.nameUUIDFromBytes(("openlfa:" + period + ":" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
        nameOf.put(id, name);
        return id;
    }

    private String name(String uuid) {
        return uuid == null ? null : nameOf.getOrDefault(uuid, uuid);
    }

    /** The UFTP form of a point of this network: its {@code ea1} address; an address point stays itself. */
    public CongestionPoint point(CongestionPoint studyPoint) {
        return studyPoint.isAddress() ? studyPoint : CongestionPoint.address(pointPrefix + studyPoint);
    }

    /** The study's point of an address this bridge made; any other address stays an address point. */
    CongestionPoint pointBack(CongestionPoint wirePoint) {
        if (wirePoint.isAddress() && wirePoint.address().startsWith(pointPrefix)) {
            String name = wirePoint.address().substring(pointPrefix.length());
            try {
                CongestionPoint point = CongestionPoint.parse(name);
                return point.isAddress() ? wirePoint : point;
            } catch (IllegalArgumentException notOurs) {
                return wirePoint;
            }
        }
        return wirePoint;
    }

    private static double bounded(double kw) {
        return Double.isInfinite(kw) ? Math.signum(kw) * UNBOUNDED_IN_KW : kw;
    }

    private static double unbounded(double kw) {
        return Math.abs(kw) >= UNBOUNDED_IN_KW ? Math.signum(kw) * Double.POSITIVE_INFINITY : kw;
    }
}
