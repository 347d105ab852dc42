package org.openlfa.protocol.uftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.openlfa.agents.usef.CongestionPoint;
import org.openlfa.agents.usef.Disposition;
import org.openlfa.agents.usef.FlexOffer;
import org.openlfa.agents.usef.FlexOrder;
import org.openlfa.agents.usef.FlexRequest;
import org.openlfa.agents.usef.FlexSettlement;
import org.openlfa.agents.usef.UftpHeader;

/** Valid messages, fixed keys and the hand-written sample files, shared by the tests and the fuzz tests. */
final class Samples {

    static final String DSO = "dso.openlfa.example";
    static final String AGR = "agr.openlfa.example";
    static final CongestionPoint POINT = CongestionPoint.address("ean.871685900012345678");
    static final String CONVERSATION = "6b8e2f0a-3c1d-4e5f-9a7b-0c1d2e3f4a5b";
    /** Fixed keys, so that seed files signed with them verify in every run. */
    static final KeyPair DSO_KEYS = UftpKeys.keyPairFromSeed(seed(1));
    static final KeyPair AGR_KEYS = UftpKeys.keyPairFromSeed(seed(2));
    static final SenderKeys KEYS = SenderKeys.of(Map.of(
            SenderKeys.id(DSO, SignedMessage.Role.DSO), DSO_KEYS.getPublic(),
            SenderKeys.id(AGR, SignedMessage.Role.AGR), AGR_KEYS.getPublic()));

    private Samples() {
    }

    static byte[] seed(int k) {
        byte[] s = new byte[32];
        for (int i = 0; i < 32; i++) {
            s[i] = (byte) (k * 31 + i);
        }
        return s;
    }

    static UftpHeader fromDso(String messageId) {
        return new UftpHeader(UftpHeader.UFTP_VERSION, DSO, AGR, "2030-01-14T16:00:00Z", messageId, CONVERSATION);
    }

    static UftpHeader fromAgr(String messageId) {
        return new UftpHeader(UftpHeader.UFTP_VERSION, AGR, DSO, "2030-01-14T16:05:00.250+00:00", messageId,
                CONVERSATION);
    }

    static FlexRequest flexRequest() {
        return new FlexRequest(fromDso("11111111-2222-4333-8444-555555555501"), "PT15M", "2030-01-15", POINT, 1,
                "C-2030-001", "CongestionManagement", List.of(
                        new FlexRequest.FlexRequestIsp(Disposition.AVAILABLE, -100, 100, 1, 68),
                        new FlexRequest.FlexRequestIsp(Disposition.REQUESTED, -60.5, -30.001, 69, 1),
                        new FlexRequest.FlexRequestIsp(Disposition.REQUESTED, -60, -30, 70, 7),
                        new FlexRequest.FlexRequestIsp(Disposition.AVAILABLE, -100, 100, 77, 20)));
    }

    static FlexOffer flexOffer() {
        return new FlexOffer(fromAgr("11111111-2222-4333-8444-555555555502"), "PT15M", "2030-01-15", POINT,
                "11111111-2222-4333-8444-555555555501", "C-2030-001", List.of(
                        new FlexOffer.FlexOfferOption("A", List.of(new FlexOffer.FlexOfferIsp(-32.5, 69, 8)), 41.25,
                                0.5),
                        new FlexOffer.FlexOfferOption("B", List.of(new FlexOffer.FlexOfferIsp(-30, 69, 1),
                                new FlexOffer.FlexOfferIsp(-31.25, 70, 7)), 38.1234, 1.0)));
    }

    static FlexOrder flexOrder() {
        return new FlexOrder(fromDso("11111111-2222-4333-8444-555555555503"), "PT15M", "2030-01-15", POINT,
                "11111111-2222-4333-8444-555555555502", "C-2030-001", "A", "PO-2030-0042",
                List.of(new FlexOffer.FlexOfferIsp(-32.5, 69, 8)), 41.25, "EUR", 0.75);
    }

    static FlexSettlement flexSettlement() {
        return new FlexSettlement(fromDso("11111111-2222-4333-8444-555555555504"), "2030-01-01", "2030-01-31", "EUR",
                List.of(new FlexSettlement.FlexOrderSettlement("PO-2030-0042", "2030-01-15", POINT, 41.25, 3.5, 37.75,
                                List.of(new FlexSettlement.SettlementIsp(69, 120.25, -32.5, 90, -30.25, 2.25),
                                        new FlexSettlement.SettlementIsp(70, 118, -32.5, 85.5, -32.5, 0))),
                        new FlexSettlement.FlexOrderSettlement("PO-2030-0043", "2030-01-20", POINT, 10, 0, 10,
                                List.of())));
    }

    static Prognosis prognosis() {
        return new Prognosis(fromAgr("11111111-2222-4333-8444-555555555505"), "PT15M", "2030-01-15", POINT, 3,
                List.of(new Prognosis.PrognosisIsp(80.5, 1, 68), new Prognosis.PrognosisIsp(120.25, 69, 8),
                        new Prognosis.PrognosisIsp(-12, 77, 20)));
    }

    static List<Record> all() {
        return List.of(flexRequest(), flexOffer(), flexOrder(), flexSettlement(), prognosis());
    }

    /** A hand-written sample under src/test/resources/org/openlfa/protocol/uftp/samples/. */
    static String sample(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
