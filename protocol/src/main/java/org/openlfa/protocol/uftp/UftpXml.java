package org.openlfa.protocol.uftp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.openlfa.agents.usef.CongestionPoint;
import org.openlfa.agents.usef.Disposition;
import org.openlfa.agents.usef.FlexOffer;
import org.openlfa.agents.usef.FlexOrder;
import org.openlfa.agents.usef.FlexRequest;
import org.openlfa.agents.usef.FlexSettlement;
import org.openlfa.agents.usef.UftpHeader;
import org.openlfa.protocol.RejectedMessage;
import org.w3c.dom.Element;

/**
 * UFTP 3.0 XML (the Shapeshifter specification) of the messages between DSO and aggregator: {@link FlexRequest},
 * {@link FlexOffer}, {@link FlexOrder}, {@link FlexSettlement} (the {@code org.openlfa.agents.usef} records) and
 * {@link Prognosis} (D-Prognosis), written and read back. Reading is the intake's first contact with a sender's
 * bytes: the parser is locked down (no DOCTYPE, so no entities and no XXE; see {@code SecureXml}), and every refusal
 * is a {@link RejectedMessage} naming the element, the attribute and what was expected, e.g. {@code
 * FlexRequest/ISP[2]@MinPower: expected an integer number of watts, got "12.5"}.
 *
 * <pre>{@code
 * UftpXml uftp = new UftpXml();                       // market time zone Europe/London
 * String xml = uftp.write(flexRequest);              // <FlexRequest Version="3.0.0" ... ><ISP .../></FlexRequest>
 * Record m = uftp.read(bytes);                       // throws RejectedMessage with the reason
 * if (m instanceof FlexOffer offer) { ... }
 * FlexOrder order = uftp.read(bytes, FlexOrder.class);
 * }</pre>
 *
 * <p><b>Units.</b> UFTP states power as integer watts, our records as kW: writing rounds {@code powerInKw * 1000} to
 * the nearest watt (so the resolution on the wire is 1 W), reading divides by 1000. Amounts are in EUR with at most
 * 4 decimals (UFTP's CurrencyAmount; rounded half-even when written), activation factors with 2 (0.01..1.00). The
 * USEF sign convention is the same on both sides: + consumption, - production.
 *
 * <p><b>What is checked on reading</b>, after the schema (XSD {@code UFTP-agr-dso.xsd}) and the message catalogue:
 * required attributes; UUIDs, internet domains, entity addresses ({@code ean.} or {@code ea1.}), dates, date-times
 * with offset, ISO 4217 currency (only EUR is accepted: our records hold EUR); Version 3.x.y; {@code TimeZone} equal
 * to this market's; ISP-Duration {@code PT<m>M} with m dividing an hour; ISPs inside the period (92, 96 or 100
 * quarter hours depending on daylight saving) and each addressed at most once; a D-Prognosis covering every ISP of
 * its period; MinPower &lt;= MaxPower; a size limit of {@value #MAX_XML_BYTES} bytes. Unknown attributes are ignored
 * (UFTP minor versions add optional ones); unknown elements and text content are refused.
 *
 * <p><b>What the records do not hold</b> (written with a fixed value, read and validated but dropped): {@code
 * TimeZone} (this market's), {@code ExpirationDateTime} of requests and offers (written as the end of the period,
 * midnight in the market's time zone: after it neither can be acted upon), FlexOffer's {@code Currency} (EUR),
 * {@code D-PrognosisMessageID}, {@code BaselineReference}, a FlexOrderSettlement's {@code ContractID}, and a
 * FlexSettlement's {@code ContractSettlement} elements (skipped). A settlement ISP with {@code Duration > 1} is read
 * as that many one-ISP entries (the record has no duration).
 *
 * <p>Writing checks the same rules (it reads its own output back) and throws {@link IllegalArgumentException} for a
 * record that has no valid UFTP form: e.g. an unbounded (infinite) power bound, a FlexOffer without options, a
 * message id that is not a UUID, a period that is not a date.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class UftpXml {

    /** The market's time zone when none is given: the platform runs GB distribution grids. */
    public static final String DEFAULT_TIME_ZONE = "Europe/London";
    /** Largest message read, in bytes: a month's settlement of a busy DSO is a few hundred kB. */
    public static final int MAX_XML_BYTES = 4 << 20;
    /** Largest power read or written, in W (1 TW): beyond any grid, and still exact as kW in a double. */
    public static final long MAX_ABS_POWER_IN_W = 1_000_000_000_000L;
    /**
     * Largest amount read or written, in EUR: far beyond any flex price, and small enough that a double holds every
     * 4-decimal amount closer than half a cent's hundredth, so that amounts survive the trip through our records.
     */
    public static final double MAX_ABS_AMOUNT_IN_EUR = 1e9;
    /**
     * Most settlement ISPs one FlexSettlement may expand to. {@code Duration} multiplies a 60-byte element into up to
     * {@value #MAX_ISPS_PER_DAY} records, so without a cap a 4 MB message could ask for tens of millions of objects.
     */
    public static final int MAX_SETTLEMENT_ISPS = 250_000;
    /** One-minute ISPs on a 25-hour day: the most ISPs any period can have. */
    public static final int MAX_ISPS_PER_DAY = 25 * 60;
    /** Longest free text (ContractID, references, ...) accepted, in characters. */
    public static final int MAX_TEXT_CHARS = 1000;

    public static final String FLEX_REQUEST = "FlexRequest";
    public static final String FLEX_OFFER = "FlexOffer";
    public static final String FLEX_ORDER = "FlexOrder";
    public static final String FLEX_SETTLEMENT = "FlexSettlement";
    public static final String D_PROGNOSIS = "D-Prognosis";

    private static final String EUR = "EUR";
    private static final String ISP = "ISP";
    private static final Pattern UUID = Pattern.compile(
            "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");
    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9]+(-[a-z0-9]+)*\\.)+[a-z]{2,}");
    private static final Pattern ENTITY_ADDRESS = Pattern.compile(
            "ea1\\.[0-9]{4}-[0-9]{2}\\..{1,244}:.{1,244}|ean\\.[0-9]{12,34}");
    private static final Pattern VERSION = Pattern.compile("3\\.[0-9]{1,4}\\.[0-9]{1,4}");
    private static final Pattern ISP_DURATION = Pattern.compile("PT([0-9]{1,2})M");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern DATE_TIME = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]{8,18}(Z|[+-][0-9]{2}:[0-9]{2})");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]{1,13}(\\.[0-9]{0,18})?|\\.[0-9]{1,18})");
    private static final Pattern TIME_ZONE = Pattern.compile(
            "(Africa|America|Australia|Europe|Pacific)/[a-zA-Z0-9_/]{3,}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_DOMAIN_CHARS = 253;
    /** xs:dateTime with seconds always written (ISO_OFFSET_DATE_TIME drops ":00" seconds). */
    private static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final int MAX_ENTITY_ADDRESS_CHARS = 500;

    private final String timeZone;
    private final ZoneId zone;

    /** UFTP XML for a market in {@value #DEFAULT_TIME_ZONE}. */
    public UftpXml() {
        this(DEFAULT_TIME_ZONE);
    }

    /**
     * UFTP XML for a market in {@code timeZone}: written into every message with a period, and required of every
     * message read (UFTP carries it so that a receiver can refuse a sender with the wrong UTC offset).
     *
     * @param timeZone an IANA time zone, e.g. "Europe/Amsterdam"
     * @throws IllegalArgumentException when it is not a time zone UFTP allows
     */
    public UftpXml(String timeZone) {
        Objects.requireNonNull(timeZone, "timeZone");
        if (!TIME_ZONE.matcher(timeZone).matches()) {
            throw new IllegalArgumentException("UFTP allows only Africa/, America/, Australia/, Europe/ and Pacific/"
                    + " time zones, not " + timeZone);
        }
        try {
            this.zone = ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone " + timeZone, e);
        }
        this.timeZone = timeZone;
    }

    /** The market's time zone. */
    public String timeZone() {
        return timeZone;
    }

    // ---------------------------------------------------------------------------------------------------- reading

    /**
     * Reads one UFTP message.
     *
     * @return a {@link FlexRequest}, {@link FlexOffer}, {@link FlexOrder}, {@link FlexSettlement} or {@link Prognosis}
     * @throws RejectedMessage with the reason (element, attribute, what was expected)
     */
    public Record read(byte[] xml) throws RejectedMessage {
        Element root = SecureXml.parse(xml, "UFTP message", MAX_XML_BYTES);
        String name = SecureXml.name(root, "");
        In in = new In(root, name);
        return switch (name) {
            case FLEX_REQUEST -> readFlexRequest(in);
            case FLEX_OFFER -> readFlexOffer(in);
            case FLEX_ORDER -> readFlexOrder(in);
            case FLEX_SETTLEMENT -> readFlexSettlement(in);
            case D_PROGNOSIS -> readPrognosis(in);
            default -> throw new RejectedMessage("root element " + SecureXml.echo(name) + ": expected one of "
                    + FLEX_REQUEST + ", " + FLEX_OFFER + ", " + FLEX_ORDER + ", " + FLEX_SETTLEMENT + ", " + D_PROGNOSIS);
        };
    }

    /** Reads one UFTP message given as text. */
    public Record read(String xml) throws RejectedMessage {
        return read(xml.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads one UFTP message of a known kind.
     *
     * @throws RejectedMessage with the reason, also when the message is of another kind
     */
    public <T extends Record> T read(byte[] xml, Class<T> type) throws RejectedMessage {
        Record m = read(xml);
        if (!type.isInstance(m)) {
            throw new RejectedMessage("expected a " + elementName(type) + " message, got a " + elementName(m.getClass()));
        }
        return type.cast(m);
    }

    private FlexRequest readFlexRequest(In in) throws RejectedMessage {
        UftpHeader header = readHeader(in);
        Flex flex = readFlex(in);
        int revision = (int) in.integer("Revision", true, 0, Integer.MIN_VALUE, Integer.MAX_VALUE, "an integer");
        in.dateTime("ExpirationDateTime", true);
        String contractId = in.text("ContractID", false);
        String serviceType = in.text("ServiceType", false);
        IspSlots slots = new IspSlots(flex.ispsInPeriod, "the " + flex.ispsInPeriod + " ISPs of " + flex.period);
        List<FlexRequest.FlexRequestIsp> isps = new ArrayList<>();
        for (In isp : in.children(ISP, 1)) {
            Disposition disposition = isp.disposition();
            double min = isp.powerInKw("MinPower");
            double max = isp.powerInKw("MaxPower");
            if (min > max) {
                throw isp.fail("MaxPower", "at least MinPower (" + isp.attr("MinPower") + ")", isp.attr("MaxPower"));
            }
            int[] range = slots.take(isp);
            isps.add(new FlexRequest.FlexRequestIsp(disposition, min, max, range[0], range[1]));
        }
        return new FlexRequest(header, flex.ispDurationIso, flex.period, flex.congestionPoint, revision, contractId,
                serviceType, isps);
    }

    private FlexOffer readFlexOffer(In in) throws RejectedMessage {
        UftpHeader header = readHeader(in);
        Flex flex = readFlex(in);
        in.dateTime("ExpirationDateTime", true);
        String requestId = in.uuid("FlexRequestMessageID", false);
        String contractId = in.text("ContractID", false);
        in.uuid("D-PrognosisMessageID", false);
        in.text("BaselineReference", false);
        in.euro("Currency");
        List<FlexOffer.FlexOfferOption> options = new ArrayList<>();
        for (In option : in.children("OfferOption", 1)) {
            String reference = option.text("OptionReference", true);
            double price = option.amountInEur("Price", true, 0);
            double minFactor = option.activationFactor("MinActivationFactor");
            options.add(new FlexOffer.FlexOfferOption(reference, readPowerIsps(option, flex), price, minFactor));
        }
        return new FlexOffer(header, flex.ispDurationIso, flex.period, flex.congestionPoint, requestId, contractId,
                options);
    }

    private FlexOrder readFlexOrder(In in) throws RejectedMessage {
        UftpHeader header = readHeader(in);
        Flex flex = readFlex(in);
        String offerId = in.uuid("FlexOfferMessageID", true);
        String contractId = in.text("ContractID", false);
        in.uuid("D-PrognosisMessageID", false);
        in.text("BaselineReference", false);
        double price = in.amountInEur("Price", true, 0);
        String currency = in.euro("Currency");
        String orderReference = in.text("OrderReference", true);
        String optionReference = in.text("OptionReference", false);
        double factor = in.activationFactor("ActivationFactor");
        return new FlexOrder(header, flex.ispDurationIso, flex.period, flex.congestionPoint, offerId, contractId,
                optionReference, orderReference, readPowerIsps(in, flex), price, currency, factor);
    }

    private Prognosis readPrognosis(In in) throws RejectedMessage {
        UftpHeader header = readHeader(in);
        Flex flex = readFlex(in);
        long revision = in.integer("Revision", true, 0, Long.MIN_VALUE, Long.MAX_VALUE, "an integer");
        IspSlots slots = new IspSlots(flex.ispsInPeriod, "the " + flex.ispsInPeriod + " ISPs of " + flex.period);
        List<Prognosis.PrognosisIsp> isps = new ArrayList<>();
        for (In isp : in.children(ISP, 1)) {
            double power = isp.powerInKw("Power");
            int[] range = slots.take(isp);
            isps.add(new Prognosis.PrognosisIsp(power, range[0], range[1]));
        }
        if (slots.count() != flex.ispsInPeriod) {
            // The catalogue: "D-Prognosis messages always contain data for all ISPs for the period they apply to".
            throw new RejectedMessage(in.path + ": expected a Power for every one of the " + flex.ispsInPeriod
                    + " ISPs of " + flex.period + ", got " + slots.count());
        }
        return new Prognosis(header, flex.ispDurationIso, flex.period, flex.congestionPoint, revision, isps);
    }

    private FlexSettlement readFlexSettlement(In in) throws RejectedMessage {
        UftpHeader header = readHeader(in);
        String periodStart = in.date("PeriodStart").toString();
        String periodEnd = in.date("PeriodEnd").toString();
        String currency = in.euro("Currency");
        in.text("Reference", false);
        List<FlexSettlement.FlexOrderSettlement> orders = new ArrayList<>();
        int ispCount = 0;
        int orderIndex = 0;
        for (Element child : SecureXml.childElements(in.el, in.path)) {
            String name = SecureXml.name(child, in.path + "/");
            if ("ContractSettlement".equals(name)) {
                continue;   // reservations of bilateral contracts: nothing in our records to put them in
            }
            if (!"FlexOrderSettlement".equals(name)) {
                throw new RejectedMessage(in.path + ": unexpected element " + SecureXml.echo(name)
                        + ", expected FlexOrderSettlement or ContractSettlement");
            }
            In order = new In(child, in.path + "/FlexOrderSettlement[" + ++orderIndex + "]");
            String orderReference = order.text("OrderReference", false);
            String period = order.date("Period").toString();
            order.text("ContractID", false);
            order.uuid("D-PrognosisMessageID", false);
            order.text("BaselineReference", false);
            CongestionPoint congestionPoint = CongestionPoint.address(order.entityAddress("CongestionPoint"));
            double price = order.amountInEur("Price", true, 0);
            double penalty = order.amountInEur("Penalty", false, 0);
            double net = order.amountInEur("NetSettlement", true, 0);
            // No ISP-Duration in a FlexSettlement, so the period's ISP count is unknown: bound by the most any day has.
            IspSlots slots = new IspSlots(MAX_ISPS_PER_DAY, "ISPs 1.." + MAX_ISPS_PER_DAY);
            List<FlexSettlement.SettlementIsp> isps = new ArrayList<>();
            for (In isp : order.children(ISP, 0)) {
                double baseline = isp.powerInKw("BaselinePower");
                double ordered = isp.powerInKw("OrderedFlexPower");
                double actual = isp.powerInKw("ActualPower");
                double delivered = isp.powerInKw("DeliveredFlexPower");
                // The XSD spells it "PoweDeficiency" (a typo), the catalogue "PowerDeficiency": accept either.
                String deficiencyName = isp.attr("PowerDeficiency") == null && isp.attr("PoweDeficiency") != null
                        ? "PoweDeficiency" : "PowerDeficiency";
                double deficiency = isp.attr(deficiencyName) == null ? 0 : isp.powerInKw(deficiencyName);
                int[] range = slots.take(isp);
                ispCount += range[1];
                if (ispCount > MAX_SETTLEMENT_ISPS) {
                    throw new RejectedMessage(in.path + ": more than " + MAX_SETTLEMENT_ISPS
                            + " settlement ISPs (counting each ISP a Duration covers)");
                }
                for (int k = 0; k < range[1]; k++) {
                    isps.add(new FlexSettlement.SettlementIsp(range[0] + k, baseline, ordered, actual, delivered,
                            deficiency));
                }
            }
            orders.add(new FlexSettlement.FlexOrderSettlement(orderReference, period, congestionPoint, price, penalty,
                    net, isps));
        }
        return new FlexSettlement(header, periodStart, periodEnd, currency, orders);
    }

    private List<FlexOffer.FlexOfferIsp> readPowerIsps(In parent, Flex flex) throws RejectedMessage {
        IspSlots slots = new IspSlots(flex.ispsInPeriod, "the " + flex.ispsInPeriod + " ISPs of " + flex.period);
        List<FlexOffer.FlexOfferIsp> isps = new ArrayList<>();
        for (In isp : parent.children(ISP, 1)) {
            double power = isp.powerInKw("Power");
            int[] range = slots.take(isp);
            isps.add(new FlexOffer.FlexOfferIsp(power, range[0], range[1]));
        }
        return isps;
    }

    private static UftpHeader readHeader(In in) throws RejectedMessage {
        String version = in.attr("Version");
        if (version == null || !VERSION.matcher(version).matches()) {
            throw in.fail("Version", "3.x.y (UFTP 3)", version);
        }
        return new UftpHeader(version, in.domain("SenderDomain"), in.domain("RecipientDomain"),
                in.dateTime("TimeStamp", true), in.uuid("MessageID", true), in.uuid("ConversationID", true));
    }

    /** The attributes of UFTP's FlexMessageType, common to D-Prognosis, FlexRequest, FlexOffer and FlexOrder. */
    private record Flex(String ispDurationIso, String period, CongestionPoint congestionPoint, int ispsInPeriod) {
    }

    private Flex readFlex(In in) throws RejectedMessage {
        String ispDuration = in.attr("ISP-Duration");
        java.util.regex.Matcher m = ispDuration == null ? null : ISP_DURATION.matcher(ispDuration);
        int minutes = m != null && m.matches() ? Integer.parseInt(m.group(1)) : 0;
        if (minutes < 1 || 60 % minutes != 0) {
            throw in.fail("ISP-Duration", "PT<m>M with m minutes dividing an hour, e.g. PT15M", ispDuration);
        }
        String tz = in.attr("TimeZone");
        if (!timeZone.equals(tz)) {
            throw in.fail("TimeZone", timeZone + " (this market's time zone)", tz);
        }
        LocalDate day = in.date("Period");
        CongestionPoint congestionPoint = CongestionPoint.address(in.entityAddress("CongestionPoint"));
        long dayMinutes = Duration.between(day.atStartOfDay(zone), day.plusDays(1).atStartOfDay(zone)).toMinutes();
        return new Flex(ispDuration, day.toString(), congestionPoint, (int) (dayMinutes / minutes));
    }

    /** The ISPs of one list: each in the period, none twice (the catalogue: "each ISP may only be addressed once"). */
    private static final class IspSlots {
        private final int max;
        private final String range;
        private final BitSet used;

        IspSlots(int max, String range) {
            this.max = max;
            this.range = range;
            this.used = new BitSet(max + 1);
        }

        /** Start and duration of an ISP element, checked and marked. */
        int[] take(In isp) throws RejectedMessage {
            int start = (int) isp.integer("Start", true, 0, 1, max, "an ISP number within " + range);
            int duration = (int) isp.integer("Duration", false, 1, 1, max, "a number of ISPs within " + range);
            if (start + duration - 1 > max) {
                throw isp.fail("Duration", "ISPs " + start + ".." + (start + duration - 1) + " to lie within " + range,
                        isp.attr("Duration"));
            }
            int clash = used.nextSetBit(start);
            if (clash >= 0 && clash < start + duration) {
                throw isp.fail("Start", "each ISP addressed once, but ISP " + clash + " is already covered",
                        isp.attr("Start"));
            }
            used.set(start, start + duration);
            return new int[] {start, duration};
        }

        int count() {
            return used.cardinality();
        }
    }

    /** An element being read, with its path for the reasons ("FlexOffer/OfferOption[2]/ISP[1]"). */
    private static final class In {
        final Element el;
        final String path;

        In(Element el, String path) {
            this.el = el;
            this.path = path;
        }

        String attr(String name) {
            return SecureXml.attribute(el, name);
        }

        RejectedMessage fail(String attribute, String expected, String got) {
            return new RejectedMessage(path + "@" + attribute + ": "
                    + (got == null ? "missing, expected " + expected : "expected " + expected + ", got \""
                    + SecureXml.echo(got) + "\""));
        }

        /** The child elements, all called {@code name}, at least {@code min} of them. */
        List<In> children(String name, int min) throws RejectedMessage {
            List<In> out = new ArrayList<>();
            for (Element child : SecureXml.childElements(el, path)) {
                String childName = SecureXml.name(child, path + "/");
                if (!name.equals(childName)) {
                    throw new RejectedMessage(path + ": unexpected element " + SecureXml.echo(childName) + ", expected "
                            + name);
                }
                out.add(new In(child, path + "/" + name + "[" + (out.size() + 1) + "]"));
            }
            if (out.size() < min) {
                throw new RejectedMessage(path + ": expected at least " + min + " " + name + " element"
                        + (min == 1 ? "" : "s"));
            }
            return out;
        }

        String text(String name, boolean required) throws RejectedMessage {
            String v = attr(name);
            if (v == null ? required : v.length() > MAX_TEXT_CHARS) {
                throw fail(name, "a text of at most " + MAX_TEXT_CHARS + " characters", v);
            }
            return v;
        }

        String uuid(String name, boolean required) throws RejectedMessage {
            String v = attr(name);
            if (v == null ? required : !UUID.matcher(v).matches()) {
                throw fail(name, "a UUID", v);
            }
            return v;
        }

        String domain(String name) throws RejectedMessage {
            String v = attr(name);
            if (v == null || v.length() > MAX_DOMAIN_CHARS || !DOMAIN.matcher(v).matches()) {
                throw fail(name, "an internet domain in lower case, e.g. dso.example.com", v);
            }
            return v;
        }

        String entityAddress(String name) throws RejectedMessage {
            String v = attr(name);
            if (v == null || v.length() > MAX_ENTITY_ADDRESS_CHARS || !ENTITY_ADDRESS.matcher(v).matches()) {
                throw fail(name, "an entity address (ean.<12-34 digits> or ea1.<yyyy-mm>.<domain>:<id>)", v);
            }
            return v;
        }

        LocalDate date(String name) throws RejectedMessage {
            String v = attr(name);
            if (v != null && DATE.matcher(v).matches()) {
                try {
                    return LocalDate.parse(v);
                } catch (DateTimeException e) {
                    // falls through to the refusal
                }
            }
            throw fail(name, "a date yyyy-mm-dd", v);
        }

        String dateTime(String name, boolean required) throws RejectedMessage {
            String v = attr(name);
            if (v == null && !required) {
                return null;
            }
            if (v != null && DATE_TIME.matcher(v).matches()) {
                try {
                    OffsetDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                    return v;
                } catch (DateTimeException e) {
                    // falls through to the refusal
                }
            }
            throw fail(name, "a date and time with its UTC offset, e.g. 2030-01-15T08:00:00+01:00", v);
        }

        long integer(String name, boolean required, long absent, long min, long max, String expected)
                throws RejectedMessage {
            String v = attr(name);
            if (v == null && !required) {
                return absent;
            }
            if (v != null && INTEGER.matcher(v).matches()) {
                long x = Long.parseLong(v);   // at most 18 digits: cannot overflow
                if (x >= min && x <= max) {
                    return x;
                }
            }
            throw fail(name, expected, v);
        }

        double powerInKw(String name) throws RejectedMessage {
            long watts = integer(name, true, 0, -MAX_ABS_POWER_IN_W, MAX_ABS_POWER_IN_W,
                    "an integer number of watts (|W| <= " + MAX_ABS_POWER_IN_W + ")");
            return watts / 1000.0;
        }

        private BigDecimal decimal(String name, int maxDecimals, String expected) throws RejectedMessage {
            String v = attr(name);
            if (v != null && DECIMAL.matcher(v).matches()) {
                BigDecimal d = new BigDecimal(v);
                if (d.stripTrailingZeros().scale() <= maxDecimals) {
                    return d;
                }
            }
            throw fail(name, expected, v);
        }

        double amountInEur(String name, boolean required, double absent) throws RejectedMessage {
            if (attr(name) == null && !required) {
                return absent;
            }
            String expected = "an amount with at most 4 decimals (|x| < " + (long) MAX_ABS_AMOUNT_IN_EUR + ")";
            double x = decimal(name, 4, expected).doubleValue();
            if (Math.abs(x) >= MAX_ABS_AMOUNT_IN_EUR) {
                throw fail(name, expected, attr(name));
            }
            return x;
        }

        double activationFactor(String name) throws RejectedMessage {
            if (attr(name) == null) {
                return 1.0;   // the catalogue's default
            }
            String expected = "a factor 0.01..1.00 with at most 2 decimals";
            BigDecimal d = decimal(name, 2, expected);
            if (d.compareTo(BigDecimal.ONE) > 0 || d.compareTo(new BigDecimal("0.01")) < 0) {
                throw fail(name, expected, attr(name));
            }
            return d.doubleValue();
        }

        String euro(String name) throws RejectedMessage {
            String v = attr(name);
            if (!EUR.equals(v)) {
                throw fail(name, v != null && CURRENCY.matcher(v).matches()
                        ? "EUR (the platform's records and settlement are in euros)" : "an ISO 4217 currency code, EUR", v);
            }
            return v;
        }

        Disposition disposition() throws RejectedMessage {
            String v = attr("Disposition");
            if ("Requested".equals(v)) {
                return Disposition.REQUESTED;
            }
            if ("Available".equals(v)) {
                return Disposition.AVAILABLE;
            }
            throw fail("Disposition", "Requested or Available", v);
        }
    }

    // ---------------------------------------------------------------------------------------------------- writing

    /**
     * The UFTP XML of a message (UTF-8, with an XML declaration).
     *
     * @param message a {@link FlexRequest}, {@link FlexOffer}, {@link FlexOrder}, {@link FlexSettlement} or {@link
     *                Prognosis}
     * @throws IllegalArgumentException when the message has no valid UFTP form, with the reason
     */
    public String write(Record message) {
        Objects.requireNonNull(message, "message");
        Out out = new Out();
        if (message instanceof FlexRequest r) {
            writeFlexRequest(out, r);
        } else if (message instanceof FlexOffer o) {
            writeFlexOffer(out, o);
        } else if (message instanceof FlexOrder o) {
            writeFlexOrder(out, o);
        } else if (message instanceof FlexSettlement s) {
            writeFlexSettlement(out, s);
        } else if (message instanceof Prognosis p) {
            writePrognosis(out, p);
        } else {
            throw new IllegalArgumentException("no UFTP form for " + message.getClass().getName());
        }
        String xml = out.toString();
        // Reading our own output back applies every rule of the intake to what we send, so that nothing leaves
        // that a receiver (ourselves included) would refuse; UFTP traffic is a few messages per PTU, so the cost
        // does not matter.
        try {
            read(xml.getBytes(StandardCharsets.UTF_8));
        } catch (RejectedMessage e) {
            throw new IllegalArgumentException("not valid UFTP: " + e.getMessage());
        }
        return xml;
    }

    /** {@link #write} as UTF-8 bytes. */
    public byte[] writeBytes(Record message) {
        return write(message).getBytes(StandardCharsets.UTF_8);
    }

    private void writeFlexRequest(Out out, FlexRequest r) {
        out.open(FLEX_REQUEST);
        writeHeader(out, r.header());
        writeFlex(out, r.ispDurationIso(), r.period(), r.congestionPoint());
        out.attr("Revision", Long.toString(r.revision()));
        out.attr("ExpirationDateTime", endOfPeriod(r.period()));
        out.attr("ContractID", r.contractId());
        out.attr("ServiceType", r.serviceType());
        out.endOpen();
        for (FlexRequest.FlexRequestIsp isp : r.isps()) {
            out.child(ISP)
                    .attr("Disposition", isp.disposition() == Disposition.REQUESTED ? "Requested" : "Available")
                    .attr("MinPower", watts(isp.minPowerInKw(), "MinPower"))
                    .attr("MaxPower", watts(isp.maxPowerInKw(), "MaxPower"));
            writeRange(out, isp.start(), isp.duration());
        }
        out.close(FLEX_REQUEST);
    }

    private void writeFlexOffer(Out out, FlexOffer o) {
        if (o.options().isEmpty()) {
            throw new IllegalArgumentException("a FlexOffer needs at least one OfferOption (UFTP): send no offer"
                    + " instead of an empty one");
        }
        out.open(FLEX_OFFER);
        writeHeader(out, o.header());
        writeFlex(out, o.ispDurationIso(), o.period(), o.congestionPoint());
        out.attr("ExpirationDateTime", endOfPeriod(o.period()));
        out.attr("FlexRequestMessageID", o.flexRequestMessageId());
        out.attr("ContractID", o.contractId());
        out.attr("Currency", EUR);
        out.endOpen();
        for (FlexOffer.FlexOfferOption option : o.options()) {
            out.child("OfferOption")
                    .attr("OptionReference", option.optionReference())
                    .attr("Price", amount(option.priceInEur(), "Price"))
                    .attr("MinActivationFactor", factor(option.minActivationFactor(), "MinActivationFactor"))
                    .endOpen();
            for (FlexOffer.FlexOfferIsp isp : option.isps()) {
                out.grandChild(ISP).attr("Power", watts(isp.powerInKw(), "Power"));
                writeRange(out, isp.start(), isp.duration());
            }
            out.closeChild("OfferOption");
        }
        out.close(FLEX_OFFER);
    }

    private void writeFlexOrder(Out out, FlexOrder o) {
        out.open(FLEX_ORDER);
        writeHeader(out, o.header());
        writeFlex(out, o.ispDurationIso(), o.period(), o.congestionPoint());
        out.attr("FlexOfferMessageID", o.flexOfferMessageId());
        out.attr("ContractID", o.contractId());
        out.attr("Price", amount(o.priceInEur(), "Price"));
        out.attr("Currency", o.currency());
        out.attr("OrderReference", o.orderReference());
        out.attr("OptionReference", o.optionReference());
        out.attr("ActivationFactor", factor(o.activationFactor(), "ActivationFactor"));
        out.endOpen();
        for (FlexOffer.FlexOfferIsp isp : o.isps()) {
            out.child(ISP).attr("Power", watts(isp.powerInKw(), "Power"));
            writeRange(out, isp.start(), isp.duration());
        }
        out.close(FLEX_ORDER);
    }

    private void writePrognosis(Out out, Prognosis p) {
        out.open(D_PROGNOSIS);
        writeHeader(out, p.header());
        writeFlex(out, p.ispDurationIso(), p.period(), p.congestionPoint());
        out.attr("Revision", Long.toString(p.revision()));
        out.endOpen();
        for (Prognosis.PrognosisIsp isp : p.isps()) {
            out.child(ISP).attr("Power", watts(isp.powerInKw(), "Power"));
            writeRange(out, isp.start(), isp.duration());
        }
        out.close(D_PROGNOSIS);
    }

    private void writeFlexSettlement(Out out, FlexSettlement s) {
        out.open(FLEX_SETTLEMENT);
        writeHeader(out, s.header());
        out.attr("PeriodStart", s.periodStart());
        out.attr("PeriodEnd", s.periodEnd());
        out.attr("Currency", s.currency());
        out.endOpen();
        for (FlexSettlement.FlexOrderSettlement order : s.orderSettlements()) {
            out.child("FlexOrderSettlement")
                    .attr("OrderReference", order.orderReference())
                    .attr("Period", order.period())
                    .attr("CongestionPoint", text(order.congestionPoint()))
                    .attr("Price", amount(order.priceInEur(), "Price"))
                    .attr("Penalty", amount(order.penaltyInEur(), "Penalty"))
                    .attr("NetSettlement", amount(order.netSettlementInEur(), "NetSettlement"));
            if (order.isps().isEmpty()) {
                out.empty();
                continue;
            }
            out.endOpen();
            for (FlexSettlement.SettlementIsp isp : order.isps()) {
                out.grandChild(ISP)
                        .attr("Start", Integer.toString(isp.start()))
                        .attr("BaselinePower", watts(isp.baselinePowerInKw(), "BaselinePower"))
                        .attr("OrderedFlexPower", watts(isp.orderedFlexPowerInKw(), "OrderedFlexPower"))
                        .attr("ActualPower", watts(isp.actualPowerInKw(), "ActualPower"))
                        .attr("DeliveredFlexPower", watts(isp.deliveredFlexPowerInKw(), "DeliveredFlexPower"))
                        .attr("PowerDeficiency", watts(isp.powerDeficiencyInKw(), "PowerDeficiency"))
                        .empty();
            }
            out.closeChild("FlexOrderSettlement");
        }
        out.close(FLEX_SETTLEMENT);
    }

    private static void writeHeader(Out out, UftpHeader h) {
        Objects.requireNonNull(h, "header");
        out.attr("Version", h.version())
                .attr("SenderDomain", h.senderDomain())
                .attr("RecipientDomain", h.recipientDomain())
                .attr("TimeStamp", h.timeStamp())
                .attr("MessageID", h.messageId())
                .attr("ConversationID", h.conversationId());
    }

    /** A congestion point as UFTP writes it: its text form, which for a message to send is an entity address. */
    private static String text(CongestionPoint point) {
        return point == null ? null : point.toString();
    }

    private void writeFlex(Out out, String ispDurationIso, String period, CongestionPoint congestionPoint) {
        out.attr("ISP-Duration", ispDurationIso)
                .attr("TimeZone", timeZone)
                .attr("Period", period)
                .attr("CongestionPoint", text(congestionPoint));
    }

    private static void writeRange(Out out, int start, int duration) {
        out.attr("Start", Integer.toString(start));
        if (duration != 1) {
            out.attr("Duration", Integer.toString(duration));   // 1 is UFTP's default
        }
        out.empty();
    }

    /** Midnight at the end of the period in the market's time zone: no request or offer for the day lives longer. */
    private String endOfPeriod(String period) {
        LocalDate day;
        try {
            day = LocalDate.parse(Objects.requireNonNull(period, "period"));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Period: expected a date yyyy-mm-dd, got \"" + SecureXml.echo(period)
                    + "\"");
        }
        return day.plusDays(1).atStartOfDay(zone).toOffsetDateTime().format(EXPIRATION);
    }

    /** kW to integer W, UFTP's unit. */
    static String watts(double kw, String what) {
        double w = kw * 1000.0;
        if (!Double.isFinite(w) || Math.abs(w) > MAX_ABS_POWER_IN_W) {
            throw new IllegalArgumentException(what + ": " + kw + " kW has no UFTP form (a finite power of at most "
                    + MAX_ABS_POWER_IN_W / 1000 + " kW; an unbounded limit must be stated as the point's capacity)");
        }
        return Long.toString(Math.round(w));
    }

    private static String amount(double eur, String what) {
        if (!Double.isFinite(eur) || Math.abs(eur) >= MAX_ABS_AMOUNT_IN_EUR) {
            throw new IllegalArgumentException(what + ": " + eur + " EUR has no UFTP form");
        }
        // The double's exact value, rounded: within the amount limit it is the 4-decimal amount it was read from.
        return new BigDecimal(eur).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private static String factor(double f, String what) {
        if (!Double.isFinite(f)) {
            throw new IllegalArgumentException(what + ": " + f + " is not a factor 0.01..1");
        }
        return new BigDecimal(f).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A small XML writer: attributes escaped, two-space indentation, nothing else. */
    private static final class Out {
        private final StringBuilder b = new StringBuilder(1024).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

        Out open(String name) {
            b.append('<').append(name);
            return this;
        }

        Out child(String name) {
            b.append("\n  <").append(name);
            return this;
        }

        Out grandChild(String name) {
            b.append("\n    <").append(name);
            return this;
        }

        Out attr(String name, String value) {
            if (value == null) {
                return this;   // optional attributes are left out; a missing required one fails the read-back
            }
            b.append(' ').append(name).append("=\"");
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '&' -> b.append("&amp;");
                    case '<' -> b.append("&lt;");
                    case '>' -> b.append("&gt;");
                    case '"' -> b.append("&quot;");
                    // as character references, so that attribute-value normalisation does not turn them into spaces
                    case '\t' -> b.append("&#9;");
                    case '\n' -> b.append("&#10;");
                    case '\r' -> b.append("&#13;");
                    default -> {
                        if (!isXmlChar(value, i)) {
                            throw new IllegalArgumentException(name + ": character U+" + Integer.toHexString(c)
                                    + " cannot appear in XML 1.0");
                        }
                        b.append(c);
                    }
                }
            }
            b.append('"');
            return this;
        }

        Out endOpen() {
            b.append('>');
            return this;
        }

        Out empty() {
            b.append("/>");
            return this;
        }

        void closeChild(String name) {
            b.append("\n  </").append(name).append('>');
        }

        void close(String name) {
            b.append("\n</").append(name).append(">\n");
        }

        private static boolean isXmlChar(String s, int i) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            }
            if (Character.isLowSurrogate(c)) {
                return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            }
            return c >= 0x20 && c != 0xFFFE && c != 0xFFFF;
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** The header of a UFTP message. */
    public static UftpHeader header(Record message) {
        if (message instanceof FlexRequest r) {
            return r.header();
        } else if (message instanceof FlexOffer o) {
            return o.header();
        } else if (message instanceof FlexOrder o) {
            return o.header();
        } else if (message instanceof FlexSettlement s) {
            return s.header();
        } else if (message instanceof Prognosis p) {
            return p.header();
        }
        throw new IllegalArgumentException("not a UFTP message: " + message.getClass().getName());
    }

    /** The UFTP element name of a message type, e.g. "D-Prognosis" for {@link Prognosis}. */
    public static String elementName(Class<?> type) {
        if (type == FlexRequest.class) {
            return FLEX_REQUEST;
        } else if (type == FlexOffer.class) {
            return FLEX_OFFER;
        } else if (type == FlexOrder.class) {
            return FLEX_ORDER;
        } else if (type == FlexSettlement.class) {
            return FLEX_SETTLEMENT;
        } else if (type == Prognosis.class) {
            return D_PROGNOSIS;
        }
        return type.getSimpleName();
    }

    /**
     * The header's TimeStamp in ms since the epoch, for the freshness check of {@link ReplayGuard}.
     *
     * @throws IllegalArgumentException when it is not a date-time with offset (never for a header {@link #read} made)
     */
    public static long timeStampEpochMs(UftpHeader header) {
        try {
            return OffsetDateTime.parse(header.timeStamp(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
                    .toEpochMilli();
        } catch (DateTimeException | NullPointerException e) {
            throw new IllegalArgumentException("TimeStamp is not a date-time with offset: " + header.timeStamp(), e);
        }
    }
}
