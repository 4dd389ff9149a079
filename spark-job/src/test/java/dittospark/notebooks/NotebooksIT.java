package dittospark.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Executes both notebooks headlessly against the built tree (as {@code jupyter nbconvert --execute}
 * does for a user) and checks what they show. Set {@code -Dnotebooks.skip=true} to leave them out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebooksIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, JsonNode> executed = new HashMap<>();

    @BeforeAll
    void execute() throws Exception {
        assumeTrue(!Boolean.getBoolean("notebooks.skip"), "notebooks skipped by -Dnotebooks.skip=true");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/jupyter-nbconvert")) || onPath("jupyter-nbconvert"),
                "jupyter-nbconvert is not installed; bin/install-test-tools installs it");
        Path root = Path.of(System.getProperty("dittospark.root")).toAbsolutePath();
        Path outDir = root.resolve("spark-job/target/notebooks");
        Files.createDirectories(outDir);
        for (String name : List.of("01_quickstart", "02_multilingual")) {
            ProcessBuilder pb = new ProcessBuilder("jupyter-nbconvert", "--to", "notebook", "--execute",
                    "--ExecutePreprocessor.timeout=1200", "--output-dir", outDir.toString(),
                    root.resolve("notebooks/" + name + ".ipynb").toString())
                    .directory(root.resolve("notebooks").toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(outDir.resolve(name + ".log").toFile());
            pb.environment().put("DITTOSPARK_HOME", root.toString());
            pb.environment().put("DITTOSPARK_SAMPLES", Path.of(System.getProperty("samples.dir")).toAbsolutePath().toString());
            pb.environment().put("DITTOSPARK_WORK", outDir.resolve(name).toString());
            pb.environment().put("DITTOSPARK_SKIP_BUILD", "1");
            pb.environment().put("DITTOSPARK_JAVA_OPTS", "-Xmx3g");
            Process p = pb.start();
            assertThat(p.waitFor(30, TimeUnit.MINUTES)).as(name + " finished in time").isTrue();
            String log = Files.readString(outDir.resolve(name + ".log"), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(name + " nbconvert exit code; log:\n" + log).isZero();
            executed.put(name, JSON.readTree(outDir.resolve(name + ".ipynb").toFile()));
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    private static List<JsonNode> codeCells(JsonNode notebook) {
        List<JsonNode> cells = new ArrayList<>();
        notebook.get("cells").forEach(c -> {
            if (c.get("cell_type").asText().equals("code")) {
                cells.add(c);
            }
        });
        return cells;
    }

    private static List<JsonNode> outputs(JsonNode notebook) {
        List<JsonNode> outs = new ArrayList<>();
        codeCells(notebook).forEach(c -> c.get("outputs").forEach(outs::add));
        return outs;
    }

    private static long withMime(JsonNode notebook, String mime, String containing) {
        return outputs(notebook).stream().filter(o -> o.has("data") && o.get("data").has(mime))
                .filter(o -> text(o.get("data").get(mime)).contains(containing)).count();
    }

    private static String text(JsonNode node) {
        if (node.isArray()) {
            StringBuilder b = new StringBuilder();
            node.forEach(n -> b.append(n.asText()));
            return b.toString();
        }
        return node.asText();
    }

    @Test
    void everyCellOfBothNotebooksRanWithoutError() {
        executed.forEach((name, nb) -> {
            assertThat(codeCells(nb)).as(name + ": code cells").isNotEmpty()
                    .allSatisfy(c -> assertThat(c.get("execution_count").isNull()).as(name + ": cell executed").isFalse());
            assertThat(outputs(nb)).as(name + ": error outputs")
                    .noneSatisfy(o -> assertThat(o.get("output_type").asText()).isEqualTo("error"));
        });
    }

    @Test
    void quickstartShowsTheResultsTableTheFailedRowFramesAndPlot() {
        JsonNode nb = executed.get("01_quickstart");
        assertThat(withMime(nb, "text/html", "SUCCEEDED")).as("results table with a succeeded row").isPositive();
        assertThat(outputs(nb).stream().filter(o -> o.get("output_type").asText().equals("stream"))
                .map(o -> text(o.get("text"))).filter(t -> t.contains("missing-audio: AUDIO_UNREADABLE")).count())
                .as("the failed row's error printed").isEqualTo(1);
        assertThat(withMime(nb, "image/png", "")).as("pictures: frames and the render-time plot").isGreaterThanOrEqualTo(2);
        assertThat(withMime(nb, "text/html", "data:image")).as("contact sheet with embedded thumbnails").isPositive();
    }

    @Test
    void multilingualPlotsMouthMotionForFiveLanguages() {
        JsonNode nb = executed.get("02_multilingual");
        assertThat(withMime(nb, "image/png", "")).as("mouth motion against loudness plot").isPositive();
        for (String lang : List.of("en", "es", "fr", "de", "ko")) {
            assertThat(withMime(nb, "text/html", "portrait-" + lang)).as("results row for " + lang).isPositive();
        }
    }
}
