package dittospark.models.demo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code models demo DIR}: writes the demo model set and lists its files with their sizes. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Write the demo model set (procedural ONNX models with the release's contracts) into DIR.")
public final class DemoCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "folder to write ditto_onnx/ and ditto_cfg/ into")
    private Path dir;

    @Override
    public Integer call() throws IOException {
        DemoModelSet.write(dir);
        for (Path file : DemoModelSet.files(dir)) {
            System.out.printf("%10d  %s%n", Files.size(file), file);
        }
        return 0;
    }
}
