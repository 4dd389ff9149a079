package dittospark.engine;

import dittospark.models.demo.DemoModelSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

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
            Files.createDirectories(cache);
            // writing the set takes well under a second: cheaper than trusting a copy of unknown age
            Path staging = Files.createTempDirectory(cache, ".demo-models-");
            DemoModelSet.write(staging);
            Path folder = cache.resolve("demo-models-" + contentHash(staging));
            if (Files.isDirectory(folder)) {
                deleteRecursively(staging);
                return folder;
            }
            try {
                Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                deleteRecursively(staging);
                if (!Files.isDirectory(folder)) {
                    throw e;
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo model set into " + cache, e);
        }
    }

    private static String contentHash(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                digest.update(dir.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
