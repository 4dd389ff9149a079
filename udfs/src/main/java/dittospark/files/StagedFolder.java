package dittospark.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Puts a folder written in full under a hidden temporary name into place in one step, where several
 * JVMs on a host may fill the same cache folder at once: the first move wins, and since every writer
 * writes the same content (the name is derived from it), the others drop their copies. The temporary
 * folder is a sibling of the target because a move is atomic within one file system only.
 */
public final class StagedFolder {
    /** Writes a folder's content. */
    @FunctionalInterface
    public interface Content {
        void writeInto(Path folder) throws IOException;
    }

    private StagedFolder() {
    }

    /** Writes {@code content} into a new folder beside {@code target} and moves it into place. */
    public static void write(Path target, Content content) throws IOException {
        Path staging = create(target.toAbsolutePath().getParent(), target.getFileName().toString());
        try {
            content.writeInto(staging);
        } catch (IOException | RuntimeException e) {
            LocalFiles.deleteRecursively(staging);
            throw e;
        }
        moveIntoPlace(staging, target);
    }

    /** An empty hidden folder in {@code parent} for content whose final name is known only once written. */
    public static Path create(Path parent, String name) throws IOException {
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent, "." + name + "-");
    }

    /**
     * Moves {@code staging} to {@code target}, a sibling, or keeps the folder another JVM put there first;
     * either way {@code staging} is gone afterwards.
     */
    public static void moveIntoPlace(Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // an existing target fails as FileAlreadyExists, or from rename(2) as ENOTEMPTY (a plain IOException)
            if (!Files.isDirectory(target)) {
                throw e;
            }
        } finally {
            LocalFiles.deleteRecursively(staging);
        }
    }
}
