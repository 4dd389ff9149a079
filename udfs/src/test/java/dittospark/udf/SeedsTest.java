package dittospark.udf;

import dittospark.engine.RenderRequest;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SeedsTest {
    @Test
    void isStableForAnId() {
        assertThat(Seeds.fromId("portrait-en")).as("seed of the same id").isEqualTo(Seeds.fromId("portrait-en"));
    }

    @Test
    void differsBetweenIds() {
        assertThat(Seeds.fromId("portrait-en")).as("seeds of two ids").isNotEqualTo(Seeds.fromId("portrait-fr"));
    }

    @Test
    void staysInTheSeedRange() {
        assertThat(IntStream.range(0, 1000).mapToLong(i -> Seeds.fromId("id-" + i)).boxed())
                .as("seeds of 1000 ids").allMatch(s -> s >= 0 && s <= RenderRequest.MAX_SEED)
                .anyMatch(s -> s > Integer.MAX_VALUE);
    }
}
