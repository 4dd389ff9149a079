package dittospark.job;

import dittospark.udf.OutputPublisher;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile and unusual inputs, one manifest row each, through one run of the job on the demo models. Every
 * case states the status and error kind its row must end with; the run must end within its deadline
 * (no case may hang it) and lose no row. New cases go into {@link #CASES}.
 */
class HostileInputsTest {
    private static final Path SAMPLES = Path.of(System.getProperty("samples.dir"));
    private static final Path DEMO_MODELS = Path.of(System.getProperty("demo.models.dir"));
    /** The whole run; a case that hangs a probe, a fetch or a decoder fails the suite at this point. */
    private static final Duration RUN_DEADLINE = Duration.ofMinutes(6);
    /** Each row's own deadline, well under the run's. */
    private static final Duration ROW_DEADLINE = Duration.ofMinutes(2);

    /** A manifest row and what it must end as: cells are id, source, audio, output, options. */
    private record Case(String what, String id, String source, String audio, String output, String options,
                        String status, String errorKind) {
    }

    @TempDir
    static Path dir;
    private static final List<Case> CASES = new ArrayList<>();
    private static Map<String, Row> results;
    private static RunSummary summary;
    private static Path out;

    @BeforeAll
    static void runTheJobOverEveryCase() throws Exception {
        out = dir.resolve("out");
        String portrait = SAMPLES.resolve("portrait.png").toString();
        String speech = Wavs.head(SAMPLES.resolve("speech_24k.wav"), 0.5, dir.resolve("speech.wav")).toString();

        add("a good row, for contrast", "good", portrait, speech, null, null, "SUCCEEDED", null);
        add("a LIST chunk declaring 0xFFFFFFF8 bytes", "wav-wrap-zero", portrait,
                file("wrap-zero.wav", Wavs.withChunkBeforeData("LIST", 0xFFFFFFF8L)), null, null, "FAILED", "AUDIO_UNREADABLE");
        add("a LIST chunk declaring 0xFFFFFF00 bytes", "wav-wrap-negative", portrait,
                file("wrap-negative.wav", Wavs.withChunkBeforeData("LIST", 0xFFFFFF00L)), null, null, "FAILED", "AUDIO_UNREADABLE");
        add("a data chunk claiming 4 GB in a 1 s file", "wav-4gb-claim", portrait,
                file("claims-4gb.wav", claimsHugeData()), null, null, "SUCCEEDED", null);
        add("a wav of random bytes", "wav-noise", portrait, file("noise.wav", noise(40_000)), null, null, "FAILED", "AUDIO_UNREADABLE");
        add("a wav header with no samples", "wav-header-only", portrait,
                file("header-only.wav", java.util.Arrays.copyOf(Wavs.withChunkBeforeData("LIST", 4), 56)), null, null,
                "FAILED", "AUDIO_EMPTY");
        add("a jpeg claiming 65000x65000", "jpeg-huge-claim", file("huge.jpg", jpegClaiming(65_000, 65_000)), speech,
                null, null, "FAILED", "TOO_LARGE");
        add("a png cut after its header", "png-truncated", file("truncated.png",
                java.util.Arrays.copyOf(readSample("portrait.png"), 100)), speech, null, null, "FAILED", "SOURCE_UNREADABLE");
        add("an empty file as the source", "png-empty", file("empty.png", new byte[0]), speech, null, null,
                "FAILED", "SOURCE_UNREADABLE");
        add("a folder as the source", "source-folder", Files.createDirectories(dir.resolve("folder.png")).toString(),
                speech, null, null, "FAILED", "SOURCE_UNREADABLE");
        add("an mp4 whose first atom claims 4 GB", "mp4-ftyp-claim", file("ftyp.mp4", atomClaimingHugeSize("ftyp")),
                speech, null, null, "FAILED", "SOURCE_UNREADABLE");
        add("an mp4 whose last atom (moov) claims 4 GB: FFmpeg reads it up to the file's end", "mp4-moov-claim",
                file("moov.mp4", atomClaimingHugeSize("moov")), speech, null, null, "SUCCEEDED", null);
        add("a delta_yaw of 1e400 (Infinity)", "ctrl-infinite", portrait, speech, null,
                "{\"ctrl\":{\"0\":{\"delta_yaw\":1e400}}}", "FAILED", "BAD_OPTION");
        add("emo weights of 1e400", "emo-infinite", portrait, speech, null, "{\"emo\":[[0,0,0,1e400,0,0,0,0]]}",
                "FAILED", "BAD_OPTION");
        add("sampling_timesteps that wraps to 5 as a long", "int-wrap", portrait, speech, null,
                "{\"sampling_timesteps\":18446744073709551621}", "FAILED", "BAD_OPTION");
        add("an output inside the results folder", "into-results", portrait, speech, "_results/x.mp4", null,
                "FAILED", "BAD_ROW");
        add("a relative output leaving --out", "escape", portrait, speech, "../escaped.mp4", null, "FAILED", "BAD_ROW");
        add("an id of ..", "..", portrait, speech, null, null, "FAILED", "BAD_ROW");
        Files.createDirectories(out.resolve("taken.mp4"));
        add("a folder at the output path", "taken", portrait, speech, null, null, "FAILED", "OUTPUT_FAILED");
        add("shell metacharacters in the output name", "semi", portrait, speech, "a;rm -rf x$(id).mp4", null,
                "SUCCEEDED", null);

        StringBuilder csv = new StringBuilder("id,source,audio,output,options\n");
        for (Case c : CASES) {
            csv.append(String.join(",", cell(c.id()), cell(c.source()), cell(c.audio()), cell(c.output()), cell(c.options())))
                    .append('\n');
        }
        Path manifest = Files.writeString(dir.resolve("hostile.csv"), csv);
        summary = assertTimeoutPreemptively(RUN_DEADLINE, () -> new BatchJob(TestSpark.session(),
                new PrintStream(new ByteArrayOutputStream())).run(new BatchOptions(manifest.toString(), out.toString(),
                DEMO_MODELS.toString(), null, false, null, 2, ROW_DEADLINE)), "the run over every hostile case");
        results = new HashMap<>();
        for (Row r : TestSpark.session().read().parquet(out.resolve("_results").toString()).collectAsList()) {
            results.put(r.getString(0), r);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCaseEndsAsItStates() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.what(), () -> {
            Row r = results.get(c.id());
            String message = r.getString(4);
            assertThat(r.getString(1)).as("status of '%s' (%s)", c.what(), message).isEqualTo(c.status());
            assertThat(r.getString(3)).as("error kind of '%s' (%s)", c.what(), message).isEqualTo(c.errorKind());
            if (message != null) {
                assertThat(message).as("message of '%s'", c.what()).doesNotContain("\n").doesNotContain("Has setFormat()");
            }
        }));
    }

    @Test
    void noRowIsLostAndNoPartialFileIsLeft() throws IOException {
        assertThat(summary.rows()).as("result rows").isEqualTo(CASES.size());
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("files anywhere under the test folder").noneMatch(n -> n.startsWith(OutputPublisher.TEMP_PREFIX))
                    .doesNotContain("escaped.mp4", "x.mp4", "...mp4");
        }
    }

    private static void add(String what, String id, String source, String audio, String output, String options,
                            String status, String errorKind) {
        CASES.add(new Case(what, id, source, audio, output, options, status, errorKind));
    }

    private static String cell(String value) {
        return value == null ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static String file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content).toString();
    }

    private static byte[] readSample(String name) throws IOException {
        return Files.readAllBytes(SAMPLES.resolve(name));
    }

    /** The sample portrait (a jpeg) with its start-of-frame's size replaced: nothing is decoded before the check. */
    private static byte[] jpegClaiming(int width, int height) throws IOException {
        byte[] jpeg = readSample("portrait.png");
        int sof = indexOf(jpeg, new byte[]{(byte) 0xFF, (byte) 0xC0});
        ByteBuffer.wrap(jpeg).putShort(sof + 5, (short) height).putShort(sof + 7, (short) width);
        return jpeg;
    }

    private static byte[] claimsHugeData() {
        byte[] wav = Wavs.withChunkBeforeData("LIST", 4);
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(wav.length - 32_000 - 4, 0xFFFFFFF0);
        return wav;
    }

    /** The sample clip with the size of its atom {@code type} set to 0xFFFFFFF0. */
    private static byte[] atomClaimingHugeSize(String type) throws IOException {
        byte[] mp4 = readSample("portrait_clip_3s.mp4");
        int atom = indexOf(mp4, type.getBytes());
        ByteBuffer.wrap(mp4).putInt(atom - 4, 0xFFFFFFF0);
        return mp4;
    }

    private static int indexOf(byte[] data, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= data.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (data[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }

    private static byte[] noise(int length) {
        byte[] bytes = new byte[length];
        new java.util.Random(1).nextBytes(bytes);
        bytes[0] = 'R';
        bytes[1] = 'I';
        bytes[2] = 'F';
        bytes[3] = 'F';
        return bytes;
    }
}
