package dittospark.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The FFmpeg command-line tools, used by tests only: to make inputs in other formats and to check
 * our outputs with a decoder that is not the one under test.
 */
public final class FfmpegCli {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FfmpegCli() {
    }

    /** Skips the calling test where the tools are missing. */
    public static void assumeInstalled() {
        assumeTrue(onPath("ffmpeg") && onPath("ffprobe"),
                "ffmpeg/ffprobe are not installed; run bin/install-test-tools");
    }

    /** Runs {@code ffmpeg} with the given arguments after the common quiet, overwrite flags. */
    public static void ffmpeg(String... args) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
        command.addAll(List.of(args));
        run(command);
    }

    /** ffprobe's JSON for the file's streams (frames counted by decoding) and format. */
    public static JsonNode probe(Path file) {
        String out = run(List.of("ffprobe", "-v", "error", "-count_frames", "-print_format", "json",
                "-show_streams", "-show_format", file.toString()));
        try {
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new IllegalStateException("ffprobe printed no JSON: " + out, e);
        }
    }

    /** The first stream of the given codec_type ("video", "audio") in a {@link #probe} result. */
    public static JsonNode stream(JsonNode probe, String type) {
        for (JsonNode stream : probe.path("streams")) {
            if (type.equals(stream.path("codec_type").asText())) {
                return stream;
            }
        }
        throw new AssertionError("no " + type + " stream in " + probe);
    }

    private static boolean onPath(String tool) {
        try {
            Process process = new ProcessBuilder(tool, "-version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command.get(0), e);
        }
    }
}
