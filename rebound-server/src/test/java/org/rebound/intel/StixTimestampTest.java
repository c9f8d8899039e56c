package org.rebound.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StixTimestampTest {

    @Test
    void timestampsCarryMillisecondsEvenOnAWholeSecond() {
        assertThat(StixExport.timestamp(Instant.parse("2025-09-01T06:00:00Z"))).isEqualTo("2025-09-01T06:00:00.000Z");
        assertThat(StixExport.timestamp(Instant.parse("2025-09-01T06:00:00.123456Z"))).isEqualTo("2025-09-01T06:00:00.123Z");
    }
}
