package dittospark.udf;

import dittospark.engine.RenderResult;
import dittospark.video.SourceKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResultRowTest {
    private static final ResultRow.Place PLACE = new ResultRow.Place("models", "hash", "cuda:0", "exec-1", 0);

    @Test
    void theEncoderColumnFollowsTheProvider() {
        List<String> columns = ResultRow.tableColumns();

        assertThat(columns.indexOf("encoder")).as("position of encoder").isEqualTo(columns.indexOf("provider") + 1);
    }

    @Test
    void aSucceededRowRecordsTheEncoderThatWroteTheVideo() {
        RenderResult r = new RenderResult(SourceKind.IMAGE, 8, 6, 25, 1.0, 0.5, Map.of(), "cuda:0", "libx264", 5, "ff",
                null);

        ResultRow row = ResultRow.succeeded("a", "out/a.mp4", r, PLACE, Instant.EPOCH, Instant.EPOCH);

        assertThat(row.encoder()).as("encoder").isEqualTo("libx264");
        assertThat(ResultRow.fromRow(row.toRow()).encoder()).as("encoder read back").isEqualTo("libx264");
    }

    @Test
    void aFailedRowHasNoEncoder() {
        ResultRow row = ResultRow.failed("a", "out/a.mp4", dittospark.errors.ErrorKind.DEVICE_UNAVAILABLE, "no GPU",
                PLACE, Instant.EPOCH, Instant.EPOCH);

        assertThat(row.encoder()).as("encoder").isNull();
    }
}
