package dittospark.engine;

import dittospark.media.FfmpegCli;
import dittospark.media.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A render's live folder: HLS with fragmented-MP4 segments, written while the video is encoded. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveOutputTest {
    private static final String OFFLINE = "{\"max_size\": 256}";
    private static final String ONLINE = "{\"max_size\": 256, \"online_mode\": true, \"overlap_v2\": 70,"
            + " \"sampling_timesteps\": 10}";

    @TempDir
    Path work;

    private RenderEngine engine;
    private Path speech;

    /** One live render: its folder, its mp4 and the segments progress heard of. */
    private record Live(Path folder, Path mp4, List<Integer> told, List<Double> ends) {
        List<String> playlist() throws Exception {
            return Files.readAllLines(folder.resolve("live.m3u8"));
        }

        List<String> segments() throws Exception {
            return playlist().stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }

    private Live offline;

    @BeforeAll
    void setUp(@TempDir Path shared) throws Exception {
        FfmpegCli.assumeInstalled();
        engine = DemoModels.engine();
        speech = Samples.speech(shared, 0, 2.6);
        offline = render(shared, "offline", OFFLINE);
    }

    @AfterAll
    void tearDown() {
        if (engine != null) {
            engine.close();
        }
    }

    private Live render(Path dir, String name, String options) throws Exception {
        Live live = new Live(dir.resolve(name + "-live"), dir.resolve(name + ".mp4"), new ArrayList<>(),
                new ArrayList<>());
        RenderProgress progress = new RenderProgress() {
            @Override
            public void framesWritten(int done, int total) {
            }

            @Override
            public void segmentWritten(int index, double endSeconds) {
                live.told().add(index);
                live.ends().add(endSeconds);
            }
        };
        engine.render(RenderRequest.builder().source(Samples.file("portrait.png")).audio(speech).output(live.mp4())
                .live(live.folder()).options(RenderOptions.parse(options)).seed(2).build(), progress);
        return live;
    }

    private int decodedFrames(Path video) {
        return FfmpegCli.stream(FfmpegCli.probe(video), "video").path("nb_read_frames").asInt();
    }

    /** init.mp4 followed by every listed segment, as a player's media source appends them. */
    private Path concatenation(Live live) throws Exception {
        Path out = work.resolve(live.folder().getFileName() + ".mp4");
        try (OutputStream o = Files.newOutputStream(out)) {
            Files.copy(live.folder().resolve("init.mp4"), o);
            for (String segment : live.segments()) {
                Files.copy(live.folder().resolve(segment), o);
            }
        }
        return out;
    }

    @Test
    void thePlaylistIsAnEndedEventPlaylistOfFragmentedMp4() throws Exception {
        List<String> playlist = offline.playlist();
        assertThat(playlist.get(0)).as("first line").isEqualTo("#EXTM3U");
        assertThat(playlist).as("playlist").contains("#EXT-X-PLAYLIST-TYPE:EVENT")
                .anyMatch(l -> l.startsWith("#EXT-X-MAP:URI=\"init.mp4\""));
        assertThat(playlist.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b)).as("last line").get()
                .isEqualTo("#EXT-X-ENDLIST");
    }

    @Test
    void segmentsOfAboutASecondAreListedInOrder() throws Exception {
        List<String> segments = offline.segments();
        assertThat(segments).as("segments of a 2.6 s video").hasSize(3)
                .isEqualTo(IntStream.range(0, segments.size()).mapToObj(i -> String.format("segment_%05d.m4s", i))
                        .toList());
    }

    @Test
    void progressHearsOfEachSegmentOnceInOrder() throws Exception {
        assertThat(offline.told()).as("segments told")
                .isEqualTo(IntStream.range(0, offline.segments().size()).boxed().toList());
        assertThat(offline.ends()).as("end times told").isSorted();
        assertThat(offline.ends().get(offline.ends().size() - 1)).as("end of the last segment")
                .isCloseTo(decodedFrames(offline.mp4()) / 25.0, org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void theSegmentsDecodeToTheFramesOfTheMp4() throws Exception {
        assertThat(decodedFrames(concatenation(offline))).as("frames of init + segments")
                .isEqualTo(decodedFrames(offline.mp4()));
    }

    @Test
    void theSegmentsHoldAudioAndVideoTogether() throws Exception {
        var probe = FfmpegCli.probe(concatenation(offline));
        assertThat(FfmpegCli.stream(probe, "audio").path("codec_name").asText()).as("audio codec").isEqualTo("aac");
        assertThat(FfmpegCli.stream(probe, "video").path("codec_name").asText()).as("video codec").isEqualTo("h264");
    }

    @Test
    void anOnlineRenderWritesItsLiveFolderToo() throws Exception {
        Live online = render(work, "online", ONLINE);
        assertThat(decodedFrames(concatenation(online))).as("frames of the online render's segments")
                .isEqualTo(decodedFrames(online.mp4()));
    }

    @Test
    void aSessionWithoutAnMp4WritesItsLiveFolderOnly() throws Exception {
        Path folder = work.resolve("live-only");
        RenderResult result;
        try (RenderSession session = engine.openSession(SessionRequest.builder().source(Samples.file("portrait.png"))
                .live(folder).options(RenderOptions.parse(ONLINE)).build(), RenderProgress.NONE)) {
            var audio = dittospark.media.AudioDecoder.decode(speech);
            session.push(audio.interleaved(), audio.sampleRate(), audio.channels());
            result = session.finish();
        }
        Live live = new Live(folder, null, List.of(), List.of());
        assertThat(decodedFrames(concatenation(live))).as("frames of the live-only segments")
                .isEqualTo(result.frames());
        assertThat(result.outputBytes()).as("bytes of an mp4").isZero();
    }
}
