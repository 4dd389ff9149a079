package dittospark.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code dittospark} run as its own JVM on this test's class path, its console going to a log file. */
final class CliProcess {
    private CliProcess() {
    }

    static Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g"));
        command.addAll(SparkJvmFlags.ADD_OPENS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dittospark.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
