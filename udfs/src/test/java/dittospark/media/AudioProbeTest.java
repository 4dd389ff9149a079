package dittospark.media;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

class AudioProbeTest {
    @TempDir
    Path dir;

    @Test
    void sampleSpeechLastsItsDeclaredDuration() throws Exception {
        assertThat(AudioProbe.seconds(Samples.file("speech_24k.wav"))).as("378112 samples at 24 kHz")
                .isCloseTo(378_112 / 24_000.0, within(1e-6));
    }

    @Test
    void compressedAudioDurationAgreesWithDecoding() throws Exception {
        FfmpegCli.assumeInstalled();
        Path file = dir.resolve("tone.mp3");
        FfmpegCli.ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=3", "-c:a", "libmp3lame",
                file.toString());

        assertThat(AudioProbe.seconds(file)).as("probed against decoded duration")
                .isCloseTo(AudioDecoder.decode(file).seconds(), within(0.06));
    }

    @Test
    void textIsUnreadable() throws Exception {
        Path file = Files.writeString(dir.resolve("speech.mp3"), "not audio at all\n".repeat(100));

        RenderException e = catchThrowableOfType(RenderException.class, () -> AudioProbe.seconds(file));

        assertThat(e.kind()).as("error kind").isEqualTo(ErrorKind.AUDIO_UNREADABLE);
    }
}
