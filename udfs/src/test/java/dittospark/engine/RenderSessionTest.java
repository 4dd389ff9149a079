package dittospark.engine;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.media.AudioDecoder;
import dittospark.media.DecodedAudio;
import dittospark.media.FfmpegCli;
import dittospark.media.MediaFrames;
import dittospark.media.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Streaming sessions: audio pushed in pieces as it arrives, frames out while it is still coming. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenderSessionTest {
    private static final String ONLINE = "{\"max_size\": 256, \"online_mode\": true, \"overlap_v2\": 70,"
            + " \"sampling_timesteps\": 10}";

    @TempDir
    Path work;

    private RenderEngine engine;
    private Path speech;
    private DecodedAudio audio;

    @BeforeAll
    void setUp(@TempDir Path shared) throws Exception {
        FfmpegCli.assumeInstalled();
        engine = DemoModels.engine();
        speech = Samples.speech(shared, 0, 2.2);
        audio = AudioDecoder.decode(speech);
    }

    @AfterAll
    void tearDown() {
        if (engine != null) {
            engine.close();
        }
    }

    private RenderSession open(Path out, FrameSink sink) throws Exception {
        return engine.openSession(SessionRequest.builder().source(Samples.file("portrait.png")).output(out)
                .options(RenderOptions.parse(ONLINE)).seed(5).sink(sink).build(), RenderProgress.NONE);
    }

    /** Pushes {@code audio} in pieces of {@code frames} sample frames. */
    private static void pushInPieces(RenderSession session, DecodedAudio audio, int frames) throws Exception {
        float[] all = audio.interleaved();
        int step = frames * audio.channels();
        for (int at = 0; at < all.length; at += step) {
            session.push(Arrays.copyOfRange(all, at, Math.min(all.length, at + step)), audio.sampleRate(),
                    audio.channels());
        }
    }

    private static List<String> renderThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("render-")).toList();
    }

    private List<Path> filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void piecesOfOddSizesGiveTheFramesOfTheFileRender() throws Exception {
        Path file = work.resolve("file.mp4");
        engine.render(RenderRequest.builder().source(Samples.file("portrait.png")).audio(speech).output(file)
                .options(RenderOptions.parse(ONLINE)).seed(5).build(), RenderProgress.NONE);
        Path streamed = work.resolve("streamed.mp4");
        try (RenderSession session = open(streamed, FrameSink.NONE)) {
            pushInPieces(session, audio, 997);
            session.finish();
        }
        List<byte[]> expected = MediaFrames.rgb(file);
        List<byte[]> got = MediaFrames.rgb(streamed);
        assertThat(got).as("frames of the streamed render").hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(got.get(i)).as("frame %d", i).isEqualTo(expected.get(i));
        }
    }

    @Test
    void audioAtAnotherRateGivesOneFramePer40msThatDecode() throws Exception {
        Path stereo = work.resolve("stereo44k.wav");
        // 2.23 s: not a whole number of frames, where the frame count's rounding cannot matter
        FfmpegCli.ffmpeg("-i", Samples.speech(work, 0, 2.23).toString(), "-ar", "44100", "-ac", "2",
                stereo.toString());
        DecodedAudio other = AudioDecoder.decode(stereo);
        Path out = work.resolve("44k.mp4");
        RenderResult result;
        try (RenderSession session = open(out, FrameSink.NONE)) {
            pushInPieces(session, other, 1764);
            result = session.finish();
        }
        int expected = (int) Math.ceil(other.frames() * 25.0 / 44100 - 1e-9);
        assertThat(result.frames()).as("frames the session reports").isEqualTo(expected);
        assertThat(FfmpegCli.stream(FfmpegCli.probe(out), "video").path("nb_read_frames").asInt())
                .as("frames ffprobe decodes").isEqualTo(expected);
    }

    @Test
    void theSinkSeesFramesInOrderBeforeTheAudioEnds() throws Exception {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        CountDownLatch first = new CountDownLatch(1);
        int half = audio.frames() / 2;
        RenderResult result;
        try (RenderSession session = open(work.resolve("sink.mp4"), (i, frame) -> {
            seen.add(i);
            first.countDown();
        })) {
            float[] all = audio.interleaved();
            session.push(Arrays.copyOf(all, half * audio.channels()), audio.sampleRate(), audio.channels());
            assertThat(first.await(120, TimeUnit.SECONDS)).as("a frame came before the rest of the audio").isTrue();
            session.push(Arrays.copyOfRange(all, half * audio.channels(), all.length), audio.sampleRate(),
                    audio.channels());
            result = session.finish();
        }
        assertThat(seen).as("frames the sink saw").hasSize(result.frames())
                .isEqualTo(java.util.stream.IntStream.range(0, result.frames()).boxed().toList());
    }

    @Test
    void aSessionWithOnlyASinkHandsItEveryFrame() throws Exception {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        RenderResult result;
        try (RenderSession session = engine.openSession(SessionRequest.builder().source(Samples.file("portrait.png"))
                .options(RenderOptions.parse(ONLINE)).sink((i, frame) -> seen.add(i)).build(), RenderProgress.NONE)) {
            pushInPieces(session, audio, 4000);
            result = session.finish();
        }
        assertThat(seen).as("frames the sink saw").hasSize(result.frames());
        assertThat(result.outputBytes()).as("bytes written").isZero();
    }

    @Test
    void cancellingMidRenderStopsEveryThreadAndLeavesNoFile() throws Exception {
        Path folder = Files.createDirectories(work.resolve("cancelled"));
        CountDownLatch first = new CountDownLatch(1);
        RenderSession session = open(folder.resolve("out.mp4"), (i, frame) -> first.countDown());
        pushInPieces(session, audio, 1600);
        assertThat(first.await(120, TimeUnit.SECONDS)).as("a first frame").isTrue();
        session.cancel();
        assertThat(renderThreads()).as("threads of the render still alive").isEmpty();
        assertThat(filesIn(folder)).as("files left in the output folder").isEmpty();
        assertThatThrownBy(session::finish).as("finish after cancel").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSessionWithoutAudioFailsAsEmptyAndLeavesNoFile() throws Exception {
        Path folder = Files.createDirectories(work.resolve("empty"));
        try (RenderSession session = open(folder.resolve("out.mp4"), FrameSink.NONE)) {
            assertThatThrownBy(session::finish).as("finish without audio")
                    .isInstanceOfSatisfying(RenderException.class,
                            e -> assertThat(e.kind()).as("error kind").isEqualTo(ErrorKind.AUDIO_EMPTY));
        }
        assertThat(filesIn(folder)).as("files left in the output folder").isEmpty();
    }

    @Test
    void interruptingAnOnlineFileRenderCancelsIt() throws Exception {
        assertInterruptCancels(ONLINE);
    }

    @Test
    void interruptingAnOfflineFileRenderCancelsIt() throws Exception {
        assertInterruptCancels("{\"max_size\": 256}");
    }

    /** The render's own thread is interrupted once the third frame is encoded. */
    private void assertInterruptCancels(String options) throws Exception {
        Path folder = Files.createDirectories(work.resolve("interrupted-" + options.hashCode()));
        Thread caller = Thread.currentThread();
        RenderProgress interruptAtThree = (done, total) -> {
            if (done == 3) {
                caller.interrupt();
            }
        };
        try {
            assertThatThrownBy(() -> engine.render(RenderRequest.builder().source(Samples.file("portrait.png"))
                    .audio(speech).output(folder.resolve("out.mp4")).live(folder.resolve("live"))
                    .options(RenderOptions.parse(options)).build(), interruptAtThree))
                    .as("the interrupted render").isInstanceOfSatisfying(RenderException.class,
                            e -> assertThat(e.kind()).as("error kind").isEqualTo(ErrorKind.CANCELLED));
        } finally {
            Thread.interrupted();
        }
        assertThat(renderThreads()).as("threads of the render still alive").isEmpty();
        assertThat(filesIn(folder)).as("files left in the output folder").isEmpty();
    }
}
