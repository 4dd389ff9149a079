package dittospark.media;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FfmpegMessagesTest {
    @Test
    void dropsJavaCvsHintsAndTheCallPrefix() {
        String raw = "avformat_open_input() error -1094995529: Could not open input \"/in/a.wav\". (Has setFormat() been called?)"
                + " (For more details, make sure FFmpegLogCallback.set() has been called.)";

        assertThat(FfmpegMessages.clean(raw)).as("cleaned message").isEqualTo("Could not open input \"/in/a.wav\"");
    }

    @Test
    void keepsAPlainMessage() {
        assertThat(FfmpegMessages.clean("Invalid data found when processing input")).as("cleaned message")
                .isEqualTo("Invalid data found when processing input");
    }
}
