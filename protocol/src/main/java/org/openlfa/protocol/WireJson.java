package org.openlfa.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.openlfa.agents.AclMessage;
import org.openlfa.agents.AgentId;
import org.openlfa.agents.MessageContent;
import org.openlfa.core.PtuSeries;

/**
 * The Jackson binding of the wire form, kept here so that {@code agents} stays free of Jackson: a mix-in gives
 * {@link MessageContent} its {@code "type"} property and names its subtypes, the records are read through their
 * canonical constructors, and a {@link PtuSeries} is a JSON array of numbers with {@code null} for NaN. The mapper
 * is strict about shapes (no string for a number, no float for an integer, no missing or null field where a number is
 * expected) and tolerant of unknown properties, as the tree-model codec was; the range checks stay in
 * {@link WireCodec}, after binding.
 */
final class WireJson {

    private WireJson() {
    }

    /**
     * The envelope as it travels: flat, its properties in wire order. Its integers are {@link Number}s (Integer or
     * Long as read, Double for a float, BigInteger beyond a long), so that {@link WireCodec} checks them in its order
     * and gives a missing or wrong value the reason of its own.
     */
    record Wire<C>(String messageId, Number sentAtMs, Number ptuStartMs, Number ptuMinutes, String performative,
                   String sender, List<String> receivers, String conversationId, C content) {

        static Wire<MessageContent> of(Envelope e) {
            AclMessage acl = e.acl();
            return new Wire<>(e.messageId().toString(), e.sentAtEpochMs(), e.ptuStartEpochMs(), e.ptuMinutes(),
                    acl.performative().name(), acl.sender().value(),
                    acl.receivers().stream().map(AgentId::value).toList(), acl.conversationId(), acl.content());
        }
    }

    /**
     * A meter reading's content: a {@link MessageContent.PlanReport} of one PTU plus the household load and PV
     * metered apart; every field optional here, so that {@link WireCodec#decodeReading} names what is missing.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)   // no loadInKw or pvInKw when not metered apart
    record ReadingContent(String type, PtuSeries netInKw, Double billInEur, PtuSeries loadInKw, PtuSeries pvInKw) {
    }

    /** The content's wire names: the records' simple names, one {@code "type"} property first. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = MessageContent.PlanReport.class, name = "PlanReport"),
        @JsonSubTypes.Type(value = MessageContent.NetScheduleProposal.class, name = "NetScheduleProposal"),
        @JsonSubTypes.Type(value = MessageContent.CommunityPriceSignal.class, name = "CommunityPriceSignal"),
        @JsonSubTypes.Type(value = MessageContent.RestOfCommunitySignal.class, name = "RestOfCommunitySignal"),
        @JsonSubTypes.Type(value = MessageContent.ScheduleAward.class, name = "ScheduleAward"),
        @JsonSubTypes.Type(value = MessageContent.FlexibilityCall.class, name = "FlexibilityCall"),
        @JsonSubTypes.Type(value = MessageContent.FlexibilityProposal.class, name = "FlexibilityProposal"),
        @JsonSubTypes.Type(value = MessageContent.FlexibilityVerdict.class, name = "FlexibilityVerdict")})
    private abstract static class MessageContentMixIn {
    }

    /** A series element that is neither a number nor null, at {@code index}. */
    static final class BadElement extends MismatchedInputException {
        private static final long serialVersionUID = 1L;
        final int index;

        BadElement(JsonParser p, int index) {
            super(p, "element " + index + " is neither a number nor null");
            this.index = index;
        }
    }

    /** Written as a JSON array of numbers, NaN ("no value", e.g. no limit in that PTU) as null. */
    private static final class PtuSeriesSerializer extends StdSerializer<PtuSeries> {
        private static final long serialVersionUID = 1L;

        PtuSeriesSerializer() {
            super(PtuSeries.class);
        }

        @Override
        public void serialize(PtuSeries s, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartArray(s, s.size());
            for (int i = 0; i < s.size(); i++) {
                double v = s.get(i);
                if (Double.isNaN(v)) {
                    g.writeNull();
                } else {
                    g.writeNumber(v);
                }
            }
            g.writeEndArray();
        }
    }

    /**
     * Read from a JSON array of numbers and nulls (NaN), at most {@link WireCodec#MAX_VALUES} long: a longer array is
     * refused before it is held.
     */
    private static final class PtuSeriesDeserializer extends StdDeserializer<PtuSeries> {
        private static final long serialVersionUID = 1L;

        PtuSeriesDeserializer() {
            super(PtuSeries.class);
        }

        @Override
        public PtuSeries deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartArrayToken()) {
                return (PtuSeries) ctxt.handleUnexpectedToken(PtuSeries.class, p);
            }
            double[] values = new double[16];
            int n = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (n == WireCodec.MAX_VALUES) {
                    throw MismatchedInputException.from(p, PtuSeries.class,
                            "more than " + WireCodec.MAX_VALUES + " values");
                }
                double v;
                if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    v = p.getDoubleValue();
                } else if (t == JsonToken.VALUE_NULL) {
                    v = Double.NaN;
                } else {
                    throw new BadElement(p, n);
                }
                if (n == values.length) {
                    values = Arrays.copyOf(values, 2 * n);
                }
                values[n++] = v;
            }
            return PtuSeries.of(Arrays.copyOf(values, n));
        }
    }

    /**
     * A number and only a number: Jackson's own would also take the strings "NaN" and "Infinity", which the wire form
     * never allowed. For {@code double} a null is refused; for {@code Double} it is null.
     */
    private static final class StrictDoubleDeserializer extends StdDeserializer<Double> {
        private static final long serialVersionUID = 1L;
        private final boolean primitive;

        StrictDoubleDeserializer(boolean primitive) {
            super(primitive ? double.class : Double.class);
            this.primitive = primitive;
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
                return p.getDoubleValue();
            }
            return (Double) ctxt.handleUnexpectedToken(handledType(), p);
        }

        @Override
        public Double getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            if (primitive) {
                return ctxt.reportInputMismatch(this, "null where a number is expected");
            }
            return null;
        }
    }

    static final ObjectMapper MAPPER = mapper();
    /** The envelope, its content left as a tree: bound by type once the envelope has passed its checks. */
    static final ObjectReader ENVELOPE_READER = MAPPER.readerFor(new TypeReference<Wire<JsonNode>>() {
    });
    /** An agent message's content: every field required. */
    static final ObjectReader CONTENT_READER = MAPPER.readerFor(MessageContent.class)
            .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
    /** A meter reading's content: every field optional, so that {@link WireCodec#decodeReading} names the missing. */
    static final ObjectReader READING_READER = MAPPER.readerFor(ReadingContent.class);
    static final ObjectWriter ENVELOPE_WRITER = MAPPER.writerFor(new TypeReference<Wire<MessageContent>>() {
    });

    private static ObjectMapper mapper() {
        SimpleModule wire = new SimpleModule("openlfa-wire")
                .addSerializer(PtuSeries.class, new PtuSeriesSerializer())
                .addDeserializer(PtuSeries.class, new PtuSeriesDeserializer())
                .addDeserializer(double.class, new StrictDoubleDeserializer(true))
                .addDeserializer(Double.class, new StrictDoubleDeserializer(false));
        return JsonMapper.builder()
                .addModule(wire)
                .addMixIn(MessageContent.class, MessageContentMixIn.class)
                // no "7" for 7, no 7 for "7", no 7.5 for an integer, no null for an int
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // as the tree-model codec: fields it does not know are ignored (a reading's load and PV, newer fields)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // nor 7 or true for a text (ids, names): scalar coercion rules do not cover scalars to text
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }
}
