package dittospark.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** FFmpeg's own prober, to check the server's videos with a decoder that is not the one that wrote them. */
final class Ffprobe {
    private Ffprobe() {
    }

    /** ffprobe's JSON of the file's streams (frames counted by decoding) and format; skips where it is missing. */
    static JsonNode probe(Path file) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("ffprobe", "-v", "error", "-count_frames", "-print_format", "json", "-show_streams",
                    "-show_format", file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "ffprobe is not installed; run bin/install-test-tools");
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("ffprobe failed on " + file + ":\n" + out);
        }
        return Api.JSON.readTree(out);
    }

    static JsonNode stream(JsonNode probe, String type) {
        for (JsonNode s : probe.path("streams")) {
            if (type.equals(s.path("codec_type").asText())) {
                return s;
            }
        }
        throw new AssertionError("no " + type + " stream in " + probe);
    }
}
