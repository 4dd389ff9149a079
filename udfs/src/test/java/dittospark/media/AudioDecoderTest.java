package dittospark.media;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

class AudioDecoderTest {
    /** The sample's data chunk: 756224 bytes of 16-bit mono. */
    private static final int SPEECH_FRAMES = 378_112;

    @TempDir
    Path dir;

    @Test
    void sampleSpeechDecodesAtItsNativeRateAndLength() throws Exception {
        DecodedAudio audio = AudioDecoder.decode(Samples.file("speech_24k.wav"));

        assertThat(audio.sampleRate()).as("native rate").isEqualTo(24_000);
        assertThat(audio.channels()).as("channels").isEqualTo(1);
        assertThat(audio.frames()).as("every sample of the data chunk").isEqualTo(SPEECH_FRAMES);
        assertThat(audio.seconds()).as("duration").isCloseTo(15.75, within(0.005));
    }

    @Test
    void sampleSpeechAt16kHzHasTwoThirdsOfItsSamplesRoundedUp() throws Exception {
        float[] mono = AudioDecoder.decode(Samples.file("speech_24k.wav")).mono16k();

        assertThat(mono).as("ceil(378112 * 16000 / 24000) samples").hasSize(252_075);
    }

    @Test
    void paddingAddsSilenceAtBothEnds() throws Exception {
        DecodedAudio audio = AudioDecoder.decode(Samples.file("speech_24k.wav"));

        DecodedAudio padded = audio.padded(0.5, 1.0);

        assertThat(padded.frames()).as("0.5 s + 1.0 s at 24 kHz added").isEqualTo(SPEECH_FRAMES + 12_000 + 24_000);
        assertThat(padded.interleaved()[11_999]).as("last front padding sample").isZero();
        assertThat(padded.interleaved()[12_000]).as("first speech sample").isEqualTo(audio.interleaved()[0]);
        assertThat(padded.mono16k()).as("padded speech at 16 kHz")
                .hasSize((int) Math.ceil((SPEECH_FRAMES + 36_000) * 16_000.0 / 24_000));
    }

    @Test
    void resamplingKeepsATonesPhaseAndAmplitude() {
        int rate = 24_000;
        float[] tone = new float[rate];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / rate));
        }

        float[] mono = new DecodedAudio(rate, 1, tone).mono16k();

        double worst = 0;
        for (int i = 64; i < mono.length - 64; i++) {
            worst = Math.max(worst, Math.abs(mono[i] - 0.5 * Math.sin(2 * Math.PI * 440 * i / 16_000.0)));
        }
        assertThat(worst).as("largest deviation from the ideal 16 kHz tone away from the edges").isLessThan(2e-3);
    }

    @Test
    void downmixAveragesTheChannels() {
        DecodedAudio stereo = new DecodedAudio(16_000, 2, new float[]{0.2f, 0.6f, -1f, 0f});

        assertThat(stereo.mono16k()).as("mean of left and right").containsExactly(new float[]{0.4f, -0.5f}, within(1e-7f));
    }

    @ParameterizedTest(name = "{0}: {1} Hz, {2} channels")
    @CsvSource({
            "wav, 44100, 2, pcm_s16le",
            "flac, 48000, 2, flac",
            "mp3, 22050, 1, libmp3lame",
            "m4a, 32000, 2, aac",
            "ogg, 16000, 1, libvorbis"})
    void decodesCommonFormats(String extension, int rate, int channels, String codec) throws Exception {
        FfmpegCli.assumeInstalled();
        Path file = dir.resolve("tone." + extension);
        String tone = "0.25*sin(2*PI*440*t)";
        String perChannel = channels == 1 ? tone : tone + "|" + tone;
        FfmpegCli.ffmpeg("-f", "lavfi", "-i", "aevalsrc=" + perChannel + ":s=" + rate + ":d=2",
                "-c:a", codec, file.toString());

        DecodedAudio audio = AudioDecoder.decode(file);

        assertThat(audio.sampleRate()).as("native rate").isEqualTo(rate);
        assertThat(audio.channels()).as("channels").isEqualTo(channels);
        assertThat(audio.seconds()).as("duration").isCloseTo(2.0, within(0.1));
        assertThat(rms(audio.interleaved())).as("RMS of a sine at amplitude 1/4").isCloseTo(0.25 / Math.sqrt(2), within(0.01));
    }

    @Test
    void emptyFileIsEmptyAudio() throws Exception {
        Path file = Files.createFile(dir.resolve("nothing.wav"));

        RenderException e = catchThrowableOfType(RenderException.class, () -> AudioDecoder.decode(file));

        assertThat(e.kind()).as("error kind").isEqualTo(ErrorKind.AUDIO_EMPTY);
        assertThat(e.getMessage()).as("message names the file").contains(file.toString());
    }

    @Test
    void wavWithoutSamplesIsEmptyAudio() throws Exception {
        Path file = Files.write(dir.resolve("header-only.wav"), wavHeader(16_000, 0));

        RenderException e = catchThrowableOfType(RenderException.class, () -> AudioDecoder.decode(file));

        assertThat(e.kind()).as("error kind").isEqualTo(ErrorKind.AUDIO_EMPTY);
    }

    @Test
    void textNamedWavIsUnreadable() throws Exception {
        Path file = Files.writeString(dir.resolve("speech.wav"), "this is not audio\n".repeat(100));

        RenderException e = catchThrowableOfType(RenderException.class, () -> AudioDecoder.decode(file));

        assertThat(e.kind()).as("error kind").isEqualTo(ErrorKind.AUDIO_UNREADABLE);
        assertThat(e.getMessage()).as("message names the file").contains(file.toString());
    }

    @Test
    void missingFileIsUnreadable() {
        Path file = dir.resolve("absent.wav");

        RenderException e = catchThrowableOfType(RenderException.class, () -> AudioDecoder.decode(file));

        assertThat(e.kind()).as("error kind").isEqualTo(ErrorKind.AUDIO_UNREADABLE);
        assertThat(e.getMessage()).as("message says why").contains("does not exist");
    }

    @Test
    void videoWithoutSoundIsUnreadable() {
        Path file = Samples.file("portrait_clip_3s.mp4");

        RenderException e = catchThrowableOfType(RenderException.class, () -> AudioDecoder.decode(file));

        assertThat(e.kind()).as("error kind").isEqualTo(ErrorKind.AUDIO_UNREADABLE);
        assertThat(e.getMessage()).as("message says why").contains("no audio stream");
    }

    private static double rms(float[] samples) {
        double sum = 0;
        for (float s : samples) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / samples.length);
    }

    private static byte[] wavHeader(int rate, int dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        return b.array();
    }
}
