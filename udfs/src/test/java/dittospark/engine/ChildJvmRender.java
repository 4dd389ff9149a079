package dittospark.engine;

import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code dittospark render} with the demo models in a JVM of its own, whose heap a test chooses. */
final class ChildJvmRender {
    /** The command's exit code (0: rendered) and everything it printed. */
    record Outcome(int exitCode, String output) {
    }

    private ChildJvmRender() {
    }

    static Outcome run(String maxHeap, Path source, Path audio, Path out, String... options)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"), ChildJvmRender.class.getName(),
                "--source", source.toString(), "--audio", audio.toString(), "--out", out.toString(),
                "--models", DemoModels.folder().toString()));
        for (String option : options) {
            command.addAll(List.of("--option", option));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the render in a child JVM did not end:\n" + output);
        }
        return new Outcome(process.exitValue(), output);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new RenderCommand()).execute(args));
    }
}
