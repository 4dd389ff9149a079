package dittospark.udf;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BatchSettingTest {
    @Test
    void aWholeNumberIsTheFramesPerCall() throws Exception {
        assertThat(ExecutorRendering.batch(" 4 ")).as(ExecutorRendering.BATCH_CONF + "=4").isEqualTo(4);
    }

    @Test
    void zeroIsABadOptionNamingTheSetting() {
        RenderException e = catchThrowableOfType(RenderException.class, () -> ExecutorRendering.batch("0"));

        assertThat(e.kind()).as("kind").isEqualTo(ErrorKind.BAD_OPTION);
        assertThat(e.getMessage()).as("message").contains(ExecutorRendering.BATCH_CONF, "'0'");
    }

    @Test
    void aWordIsABadOption() {
        RenderException e = catchThrowableOfType(RenderException.class, () -> ExecutorRendering.batch("four"));

        assertThat(e.kind()).as("kind").isEqualTo(ErrorKind.BAD_OPTION);
    }
}
