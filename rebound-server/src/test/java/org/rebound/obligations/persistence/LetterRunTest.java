package org.rebound.obligations.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rebound.obligations.persistence.DraftStore.LetterRun;

class LetterRunTest {

    private static final Instant STARTED = Instant.parse("2026-11-30T09:00:00Z");

    private static LetterRun run(String status, Duration sinceProgress) {
        return new LetterRun(7, 1, 3, 2, status, 120_000, 4_200, 300, 0, STARTED, "dana", null, null, STARTED.plus(sinceProgress));
    }

    @Test
    void aRunningMergeThatHasNotMovedOnForTenMinutesIsStalled() {
        Instant now = STARTED.plus(Duration.ofMinutes(30));

        assertThat(run("running", Duration.ofMinutes(19)).seenAt(now).status()).isEqualTo("stalled");
        assertThat(run("running", Duration.ofMinutes(21)).seenAt(now).status()).isEqualTo("running");
        assertThat(run("done", Duration.ofMinutes(1)).seenAt(now).status()).isEqualTo("done");
        assertThat(run("running", Duration.ofMinutes(19)).seenAt(now).processed()).isEqualTo(4_500);
    }
}
