package dittospark.media;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.files.LocalFiles;
import dittospark.image.FrameBuffer;
import dittospark.image.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

class Mp4WriterTest {
    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;
    private static final int FRAMES = 30;

    @TempDir
    Path dir;

    @Test
    void writesH264Yuv420pAt25FpsWithEveryFrame() throws Exception {
        FfmpegCli.assumeInstalled();
        Path out = writeVideo(FRAMES, tone(24_000, 1, 1.2));

        JsonNode video = FfmpegCli.stream(FfmpegCli.probe(out), "video");

        assertThat(video.path("codec_name").asText()).as("codec").isEqualTo("h264");
        assertThat(video.path("pix_fmt").asText()).as("pixel format").isEqualTo("yuv420p");
        assertThat(video.path("avg_frame_rate").asText()).as("frame rate").isEqualTo("25/1");
        assertThat(video.path("width").asInt() + "x" + video.path("height").asInt()).as("size").isEqualTo("64x48");
        assertThat(video.path("nb_read_frames").asInt()).as("decoded frame count").isEqualTo(FRAMES);
    }

    @ParameterizedTest(name = "{0} Hz, {1} channels, {2} s of audio")
    @CsvSource({"24000, 1, 1.2", "16000, 1, 0.5", "44100, 2, 3.0", "48000, 6, 1.19"})
    void audioIsAacAsLongAsTheVideo(int rate, int channels, double seconds) throws Exception {
        FfmpegCli.assumeInstalled();
        Path out = writeVideo(FRAMES, tone(rate, channels, seconds));

        JsonNode probe = FfmpegCli.probe(out);
        JsonNode audio = FfmpegCli.stream(probe, "audio");
        double videoSeconds = FfmpegCli.stream(probe, "video").path("duration").asDouble();

        assertThat(audio.path("codec_name").asText()).as("codec").isEqualTo("aac");
        assertThat(videoSeconds).as("video duration").isCloseTo(FRAMES / 25.0, within(1e-6));
        assertThat(audio.path("duration").asDouble()).as("audio duration within one frame of the video")
                .isCloseTo(videoSeconds, within(1.0 / Mp4Writer.FPS));
    }

    @Test
    void audioPlaysAtItsTimeInTheVideo() throws Exception {
        FfmpegCli.assumeInstalled();
        int rate = 24_000;
        // silence for the first half second, then a tone
        DecodedAudio audio = tone(rate, 1, 0.7).padded(0.5, 0);
        Path out = writeVideo(FRAMES, audio);
        Path wav = dir.resolve("back.wav");
        FfmpegCli.ffmpeg("-i", out.toString(), "-vn", "-ac", "1", "-ar", String.valueOf(rate), wav.toString());

        DecodedAudio decoded = AudioDecoder.decode(wav);

        assertThat(rms(decoded.interleaved(), 0, rate * 45 / 100)).as("quiet before 0.45 s").isLessThan(0.01);
        assertThat(rms(decoded.interleaved(), rate * 55 / 100, rate * 115 / 100)).as("tone from 0.55 s")
                .isCloseTo(0.25 / Math.sqrt(2), within(0.03));
    }

    @Test
    void javacvReadsTheWrittenFrames() throws Exception {
        Path out = writeVideo(FRAMES, tone(16_000, 1, 1.2));

        try (SourceReader reader = SourceReader.open(out, 0)) {
            List<Image> frames = reader.readAll();

            assertThat(frames).as("frames read back").hasSize(FRAMES);
            assertThat(frames.get(7).at(10, 10, 0)).as("red of frame 7, within crf 18 loss")
                    .isBetween(frame(7).at(10, 10, 0) - 8, frame(7).at(10, 10, 0) + 8);
            assertThat(frames.get(7).at(10, 10, 2)).as("blue of frame 7, within crf 18 loss")
                    .isBetween(frame(7).at(10, 10, 2) - 8, frame(7).at(10, 10, 2) + 8);
        }
    }

    @Test
    void framesFilledInPoolBuffersAreEncodedAsTheyLie() throws Exception {
        Path target = dir.resolve("pooled.mp4");
        try (Mp4Writer writer = Mp4Writer.open(target, WIDTH, HEIGHT, tone(16_000, 1, 1.2))) {
            FramePool pool = writer.framePool(2);
            for (int i = 0; i < FRAMES; i++) {
                FrameBuffer buffer = pool.take();
                buffer.copyRows(frame(i), 0, HEIGHT);
                writer.write(buffer);
            }
            writer.finish();
        }

        try (SourceReader reader = SourceReader.open(target, 0)) {
            List<Image> frames = reader.readAll();

            assertThat(frames).as("frames read back").hasSize(FRAMES);
            assertThat(frames.get(7).at(10, 10, 0)).as("red of frame 7, within crf 18 loss")
                    .isBetween(frame(7).at(10, 10, 0) - 8, frame(7).at(10, 10, 0) + 8);
        }
    }

    @Test
    void poolBuffersMayHavePaddedRows() throws Exception {
        int width = 62;
        Path target = dir.resolve("padded.mp4");
        int stride = 0;
        try (Mp4Writer writer = Mp4Writer.open(target, width, HEIGHT, tone(16_000, 1, 1))) {
            FramePool pool = writer.framePool(1);
            for (int i = 0; i < 5; i++) {
                FrameBuffer buffer = pool.take();
                stride = buffer.stride();
                for (int y = 0; y < HEIGHT; y++) {
                    for (int x = 0; x < width * 3; x++) {
                        buffer.pixels().put(y * buffer.stride() + x, (byte) (x < width * 3 / 2 ? 30 : 220));
                    }
                }
                writer.write(buffer);
            }
            writer.finish();
        }

        try (SourceReader reader = SourceReader.open(target, 0)) {
            Image last = reader.readAll().get(4);

            assertThat(stride).as("row stride of a %d pixel wide frame", width).isGreaterThan(width * 3);
            assertThat(last.at(5, 40, 0)).as("grey at the left of the last row").isBetween(22, 38);
            assertThat(last.at(56, 40, 0)).as("grey at the right of the last row").isBetween(212, 228);
        }
    }

    @Test
    void takeWaitsUntilTheEncoderGivesABufferBack() throws Exception {
        try (Mp4Writer writer = Mp4Writer.open(dir.resolve("out.mp4"), WIDTH, HEIGHT, tone(16_000, 1, 1))) {
            FramePool pool = writer.framePool(1);
            FrameBuffer only = pool.take();
            CompletableFuture<FrameBuffer> next = new CompletableFuture<>();
            Thread taker = new Thread(() -> {
                try {
                    next.complete(pool.take());
                } catch (InterruptedException e) {
                    next.completeExceptionally(e);
                }
            });
            taker.start();
            while (taker.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }

            assertThat(next).as("second take while the only buffer is out").isNotDone();
            writer.write(only);
            assertThat(next.get()).as("buffer taken once written").isSameAs(only);
        }
    }

    @Test
    void aBufferFromElsewhereIsRefused() throws Exception {
        try (Mp4Writer writer = Mp4Writer.open(dir.resolve("out.mp4"), WIDTH, HEIGHT, tone(16_000, 1, 1))) {
            writer.framePool(1);
            FrameBuffer foreign = new FrameBuffer(WIDTH, HEIGHT, WIDTH * 3, ByteBuffer.allocate(WIDTH * HEIGHT * 3));

            assertThatThrownBy(() -> writer.write(foreign)).as("writing a buffer the writer did not lend")
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void nothingAppearsUntilFinish() throws Exception {
        Path target = dir.resolve("out.mp4");
        try (Mp4Writer writer = Mp4Writer.open(target, WIDTH, HEIGHT, tone(16_000, 1, 1))) {
            writer.write(frame(0));

            assertThat(target).as("target before finish()").doesNotExist();
            writer.finish();
            assertThat(target).as("target after finish()").isNotEmptyFile();
        }
        assertThat(listing()).as("folder holds only the output").containsExactly(target);
    }

    @Test
    void closeWithoutFinishLeavesNoFile() throws Exception {
        Path target = dir.resolve("out.mp4");
        try (Mp4Writer writer = Mp4Writer.open(target, WIDTH, HEIGHT, tone(16_000, 1, 1))) {
            for (int i = 0; i < 5; i++) {
                writer.write(frame(i));
            }
        }

        assertThat(listing()).as("no output and no temporary file").isEmpty();
    }

    @Test
    void finishReportsTheSizeAndDigestOfThePublishedFile() throws Exception {
        Path target = dir.resolve("out.mp4");
        Mp4Writer.Written written;
        try (Mp4Writer writer = Mp4Writer.open(target, WIDTH, HEIGHT, tone(16_000, 1, 1))) {
            for (int i = 0; i < 5; i++) {
                writer.write(frame(i));
            }
            written = writer.finish();
        }

        assertThat(written.bytes()).as("bytes reported").isEqualTo(Files.size(target));
        assertThat(written.sha256()).as("digest reported").isEqualTo(LocalFiles.sha256Hex(target));
    }

    @Test
    void finishReplacesAnEarlierOutput() throws Exception {
        Path target = Files.writeString(dir.resolve("out.mp4"), "stale");

        writeVideo(3, tone(16_000, 1, 1));

        assertThat(Files.size(target)).as("replaced by the new video").isGreaterThan(5);
    }

    @Test
    void oddSizeIsRejected() {
        RenderException e = catchThrowableOfType(RenderException.class,
                () -> Mp4Writer.open(dir.resolve("odd.mp4"), 63, 48, tone(16_000, 1, 1)));

        assertThat(e.kind()).as("error kind").isEqualTo(ErrorKind.OUTPUT_FAILED);
        assertThat(e.getMessage()).as("message says why").contains("63x48").contains("even");
    }

    @Test
    void finishWithoutFramesFails() throws Exception {
        Path target = dir.resolve("empty.mp4");
        try (Mp4Writer writer = Mp4Writer.open(target, WIDTH, HEIGHT, tone(16_000, 1, 1))) {
            RenderException e = catchThrowableOfType(RenderException.class, writer::finish);

            assertThat(e.kind()).as("error kind").isEqualTo(ErrorKind.OUTPUT_FAILED);
        }
        assertThat(listing()).as("nothing left behind").isEmpty();
    }

    @Test
    void unwritableFolderFails() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");

        RenderException e = catchThrowableOfType(RenderException.class,
                () -> Mp4Writer.open(file.resolve("out.mp4"), WIDTH, HEIGHT, tone(16_000, 1, 1)));

        assertThat(e.kind()).as("error kind").isEqualTo(ErrorKind.OUTPUT_FAILED);
    }

    private Path writeVideo(int frames, DecodedAudio audio) throws RenderException {
        Path target = dir.resolve("out.mp4");
        try (Mp4Writer writer = Mp4Writer.open(target, WIDTH, HEIGHT, audio)) {
            for (int i = 0; i < frames; i++) {
                writer.write(frame(i));
            }
            writer.finish();
        }
        return target;
    }

    private List<Path> listing() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    /** Flat colour that changes from frame to frame. */
    private static Image frame(int index) {
        byte[] rgb = new byte[WIDTH * HEIGHT * 3];
        for (int p = 0; p < WIDTH * HEIGHT; p++) {
            rgb[p * 3] = (byte) (40 + index * 6);
            rgb[p * 3 + 1] = (byte) 120;
            rgb[p * 3 + 2] = (byte) (220 - index * 5);
        }
        return new Image(WIDTH, HEIGHT, rgb);
    }

    private static DecodedAudio tone(int rate, int channels, double seconds) {
        int n = (int) Math.round(seconds * rate);
        float[] samples = new float[n * channels];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                samples[i * channels + c] = (float) (0.25 * Math.sin(2 * Math.PI * 440 * i / rate));
            }
        }
        return new DecodedAudio(rate, channels, samples);
    }

    private static double rms(float[] samples, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / (to - from));
    }
}
