package org.openlfa.agents.usef;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A congestion point of an LV network: where the grid operator watches a limit and buys flexibility. It is the
 * MV/LV transformer (its loading) or one feeder (its voltages); UFTP names a point by an entity address, which the
 * platform's bridge maps to and from these, and a point it did not make stays an {@linkplain #address(String)
 * address}.
 *
 * <p>Its text form is the study's: {@code TR1} for the transformer and {@code F3} for feeder 3, as in the ids of
 * the messages, the logs and the study's outputs.
 *
 * <pre>{@code
 * CongestionPoint f3 = CongestionPoint.parse("F3");     // = CongestionPoint.feeder(3)
 * f3.contains(3);                                       // true: a home on feeder 3 is behind it
 * CongestionPoint.transformer().contains(5);            // true: every home is behind the transformer
 * f3.toString();                                        // "F3"
 * }</pre>
 *
 * @param kind    the transformer, a feeder, or an entity address of another party
 * @param feeder  the feeder number (1, 2, ...) of a {@link Kind#FEEDER}, else 0; read it with {@link #feeder()}
 * @param address the entity address of an {@link Kind#ADDRESS}, else null
 */
public record CongestionPoint(Kind kind, int feeder, String address) {

    /** The text form of the transformer: the name of the ENWL networks' MV/LV transformer. */
    public static final String TRANSFORMER_NAME = "TR1";

    private static final CongestionPoint TRANSFORMER = new CongestionPoint(Kind.TRANSFORMER, 0, null);
    private static final Pattern FEEDER_FORM = Pattern.compile("F([1-9][0-9]{0,8})");

    /** What a congestion point watches. */
    public enum Kind {
        /** The MV/LV transformer: its loading; every home of the network is behind it. */
        TRANSFORMER,
        /** One feeder of the network: its voltages; the homes of that feeder are behind it. */
        FEEDER,
        /**
         * A point named only by its UFTP entity address (EAN or {@code ea1}) that the platform did not make, e.g. of
         * another operator's grid: no home of the network is known to be behind it.
         */
        ADDRESS
    }

    public CongestionPoint {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case TRANSFORMER -> {
                if (feeder != 0 || address != null) {
                    throw new IllegalArgumentException("the transformer has no feeder number and no address");
                }
            }
            case FEEDER -> {
                if (feeder < 1 || address != null) {
                    throw new IllegalArgumentException("a feeder's number is 1 or more, got " + feeder);
                }
            }
            case ADDRESS -> {
                if (feeder != 0 || address == null || address.isBlank()) {
                    throw new IllegalArgumentException("an address point needs an address and no feeder number");
                }
            }
        }
    }

    /** The MV/LV transformer, {@code TR1}. */
    public static CongestionPoint transformer() {
        return TRANSFORMER;
    }

    /**
     * Feeder {@code number} (1-based, as the ENWL networks number their {@code Feeder_N}), {@code F<number>}.
     *
     * @throws IllegalArgumentException for a number below 1
     */
    public static CongestionPoint feeder(int number) {
        return new CongestionPoint(Kind.FEEDER, number, null);
    }

    /**
     * A point known only by its UFTP entity address, kept as it is (e.g. {@code ean.871685900012345678}).
     *
     * @throws IllegalArgumentException for a blank address
     */
    public static CongestionPoint address(String entityAddress) {
        return new CongestionPoint(Kind.ADDRESS, 0, Objects.requireNonNull(entityAddress, "entityAddress"));
    }

    /**
     * The point of a text form: {@code TR1}, {@code F<n>}, or else an entity address ({@code ea1.}, {@code ean.}).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static CongestionPoint parse(String text) {
        Objects.requireNonNull(text, "text");
        if (TRANSFORMER_NAME.equals(text)) {
            return TRANSFORMER;
        }
        Matcher m = FEEDER_FORM.matcher(text);
        if (m.matches()) {
            return feeder(Integer.parseInt(m.group(1)));
        }
        if (text.startsWith("ea1.") || text.startsWith("ean.")) {
            return address(text);
        }
        throw new IllegalArgumentException("not a congestion point (TR1, F<n> or an entity address): " + text);
    }

    /** Whether this is the transformer. */
    public boolean isTransformer() {
        return kind == Kind.TRANSFORMER;
    }

    /** Whether this is a feeder. */
    public boolean isFeeder() {
        return kind == Kind.FEEDER;
    }

    /** Whether this is only an entity address. */
    public boolean isAddress() {
        return kind == Kind.ADDRESS;
    }

    /**
     * The feeder number of a feeder point.
     *
     * @throws IllegalStateException for the transformer or an address
     */
    @Override
    public int feeder() {
        if (kind != Kind.FEEDER) {
            throw new IllegalStateException(this + " is not a feeder");
        }
        return feeder;
    }

    /**
     * Whether a home on feeder {@code homeFeeder} is behind this point: for the transformer every home, for a feeder
     * the homes of that feeder, for an address none.
     */
    public boolean contains(int homeFeeder) {
        return switch (kind) {
            case TRANSFORMER -> true;
            case FEEDER -> feeder == homeFeeder;
            case ADDRESS -> false;
        };
    }

    /** {@code TR1}, {@code F3} or the address: the study's text form, read back by {@link #parse(String)}. */
    @Override
    public String toString() {
        return switch (kind) {
            case TRANSFORMER -> TRANSFORMER_NAME;
            case FEEDER -> "F" + feeder;
            case ADDRESS -> address;
        };
    }
}
