package dittospark.engine;

import dittospark.errors.RenderException;

import java.nio.file.Files;
import java.nio.file.Path;

/** The demo model set the build generates into {@code -Ddemo.models.dir}. */
public final class DemoModels {
    private DemoModels() {
    }

    public static Path folder() {
        Path dir = Path.of(System.getProperty("demo.models.dir", "../models/target/demo-models"));
        if (!Files.isDirectory(dir.resolve("ditto_onnx"))) {
            throw new IllegalStateException("no demo model set in " + dir.toAbsolutePath()
                    + "; build the models module first (mvn -pl models process-classes)");
        }
        return dir;
    }

    static RenderEngine engine() throws RenderException {
        return RenderEngine.builder().models(folder()).build();
    }
}
