package dittospark.architecture;

import dittospark.engine.RenderEngine;
import dittospark.job.BatchJob;
import dittospark.models.ModelContracts;
import dittospark.server.AvatarServer;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the main classes of models, udfs, server and spark-job were compiled to (folders in a build, jars elsewhere). */
final class MainClasses {
    private MainClasses() {
    }

    static List<Path> roots() {
        return Stream.of(ModelContracts.class, RenderEngine.class, AvatarServer.class, BatchJob.class).map(MainClasses::rootOf).toList();
    }

    private static Path rootOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
