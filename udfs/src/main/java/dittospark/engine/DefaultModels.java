package dittospark.engine;

import dittospark.models.demo.DemoModelSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the demo model set lives when no model folder is given: generated once into a per-user
 * cache folder, written beside it and renamed into place so concurrent first uses do not collide.
 */
public final class DefaultModels {
    private static final String VERSION = "1";

    private DefaultModels() {
    }

    public static synchronized Path demoFolder() {
        Path cache = Path.of(System.getProperty("dittospark.cache",
                Path.of(System.getProperty("user.home"), ".cache", "dittospark").toString()));
        Path folder = cache.resolve("demo-models-v" + VERSION);
        if (Files.isDirectory(folder)) {
            return folder;
        }
        try {
            Files.createDirectories(cache);
            Path staging = Files.createTempDirectory(cache, "demo-models-");
            DemoModelSet.write(staging);
            try {
                Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | java.nio.file.FileAlreadyExistsException e) {
                if (!Files.isDirectory(folder)) {
                    throw e;
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo model set into " + cache, e);
        }
    }
}
