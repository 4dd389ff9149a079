package dittospark.server;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command line's durations and sizes. */
class QuantitiesTest {
    @Test
    void durationsTakeSecondsMinutesHoursAndDays() {
        assertThat(Quantities.duration("90s")).as("90s").isEqualTo(Duration.ofSeconds(90));
        assertThat(Quantities.duration("30m")).as("30m").isEqualTo(Duration.ofMinutes(30));
        assertThat(Quantities.duration("2H")).as("2H").isEqualTo(Duration.ofHours(2));
        assertThat(Quantities.duration("1d")).as("1d").isEqualTo(Duration.ofDays(1));
    }

    @Test
    void sizesTakeBinaryUnits() {
        assertThat(Quantities.bytes("512")).as("512").isEqualTo(512);
        assertThat(Quantities.bytes("500k")).as("500k").isEqualTo(500L << 10);
        assertThat(Quantities.bytes("50m")).as("50m").isEqualTo(50L << 20);
        assertThat(Quantities.bytes("2g")).as("2g").isEqualTo(2L << 30);
    }

    @Test
    void anythingElseIsRefusedWithWhatIsAccepted() {
        assertThatThrownBy(() -> Quantities.duration("1 week")).as("1 week").hasMessageContaining("90s, 30m");
        assertThatThrownBy(() -> Quantities.bytes("2t")).as("2t").hasMessageContaining("500k, 50m or 2g");
    }
}
