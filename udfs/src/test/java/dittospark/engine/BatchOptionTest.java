package dittospark.engine;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BatchOptionTest {
    @Test
    void withoutTheFlagAFrameIsOneCall() throws Exception {
        assertThat(CommandLine.populateCommand(new DeviceOptions()).batch()).as("--batch default").isEqualTo(1);
    }

    @Test
    void theFlagGivesTheFramesPerCall() throws Exception {
        assertThat(CommandLine.populateCommand(new DeviceOptions(), "--batch", "4").batch()).as("--batch 4")
                .isEqualTo(4);
    }

    @Test
    void aBatchOfZeroIsABadOption() {
        DeviceOptions options = CommandLine.populateCommand(new DeviceOptions(), "--batch", "0");

        RenderException e = catchThrowableOfType(RenderException.class, options::batch);

        assertThat(e.kind()).as("kind").isEqualTo(ErrorKind.BAD_OPTION);
    }
}
