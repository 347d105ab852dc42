package org.openlfa.cems;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outbox keeps what is not acknowledged and sends it again: nothing sent is lost. */
class ReadingOutboxTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anAcknowledgedReadingLeavesAndAnUnknownIdIsMinusOne() {
        ReadingOutbox outbox = new ReadingOutbox();
        outbox.add("a", bytes("A"));
        outbox.add("b", bytes("B"));
        assertThat(outbox.acknowledged("a")).isBetween(0L, 60_000L);
        assertThat(outbox.size()).isEqualTo(1);
        assertThat(outbox.acknowledged("a")).isEqualTo(-1);
        assertThat(outbox.acknowledged("zz")).isEqualTo(-1);
    }

    @Test
    void onlyReadingsOverdueAreSentAgainAndCounted() {
        ReadingOutbox outbox = new ReadingOutbox();
        outbox.add("a", bytes("A"));
        List<String> sent = new ArrayList<>();
        outbox.resendOverdue(System.nanoTime(), p -> sent.add(new String(p, StandardCharsets.UTF_8)));
        assertThat(sent).isEmpty();
        long later = System.nanoTime() + (ReadingOutbox.RESEND_AFTER_MS + 1) * 1_000_000;
        outbox.resendOverdue(later, p -> sent.add(new String(p, StandardCharsets.UTF_8)));
        assertThat(sent).containsExactly("A");
        assertThat(outbox.resends()).isEqualTo(1);
        // sent again just now: not overdue at the same instant
        outbox.resendOverdue(later, p -> sent.add(new String(p, StandardCharsets.UTF_8)));
        assertThat(sent).containsExactly("A");
        assertThat(outbox.size()).isEqualTo(1);
    }

    @Test
    void afterAReconnectEverythingHeldIsSentAgainAndWaitingEndsWhenAllAreAcknowledged() throws Exception {
        ReadingOutbox outbox = new ReadingOutbox();
        outbox.add("a", bytes("A"));
        outbox.add("b", bytes("B"));
        List<String> sent = new ArrayList<>();
        outbox.resendAll(p -> sent.add(new String(p, StandardCharsets.UTF_8)));
        assertThat(sent).containsExactlyInAnyOrder("A", "B");
        assertThat(outbox.awaitEmpty(50)).isFalse();
        outbox.acknowledged("a");
        outbox.acknowledged("b");
        assertThat(outbox.awaitEmpty(50)).isTrue();
    }
}
