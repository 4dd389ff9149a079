package dittospark.engine;

import dittospark.files.LocalFiles;
import dittospark.files.StagedFolder;
import dittospark.models.demo.DemoModelSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The model folder used when none is given: the demo set the build wrote into the checkout, or else
 * (a jar run outside a checkout) a per-user cache copy named by its content, so that a changed demo
 * set never meets an old copy and concurrent first uses do not collide.
 */
public final class DefaultModels {
    private DefaultModels() {
    }

    public static synchronized Path demoFolder() {
        String home = System.getProperty("dittospark.home");
        if (home != null) {
            Path built = Path.of(home, "models", "target", "demo-models");
            if (Files.isDirectory(built.resolve("ditto_onnx"))) {
                return built;
            }
        }
        Path cache = Path.of(System.getProperty("dittospark.cache",
                Path.of(System.getProperty("user.home"), ".cache", "dittospark").toString()));
        try {
            // writing the set takes well under a second: cheaper than trusting a copy of unknown age
            Path staging = StagedFolder.create(cache, "demo-models");
            DemoModelSet.write(staging);
            Path folder = cache.resolve("demo-models-" + LocalFiles.folderHash(staging).substring(0, 12));
            if (Files.isDirectory(folder)) {
                LocalFiles.deleteRecursively(staging);
                return folder;
            }
            StagedFolder.moveIntoPlace(staging, folder);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo model set into " + cache, e);
        }
    }
}
