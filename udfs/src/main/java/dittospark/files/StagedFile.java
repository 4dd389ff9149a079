package dittospark.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * A local file written under a hidden name beside its target and moved onto the target once complete,
 * so that the target never holds part of a file: a reader sees the old file or the whole new one.
 * Beside, not in a temp folder, because a move is atomic only within one file system. Closing without
 * {@link #publish()} deletes what was written.
 */
public final class StagedFile implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private boolean published;

    private StagedFile(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /** Stages a file for {@code target}, creating the target's folder; nothing is written yet. */
    public static StagedFile beside(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        return new StagedFile(absolute, absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID()
                + ".part"));
    }

    /** Where to write the file until it is published. */
    public Path path() {
        return temp;
    }

    public Path target() {
        return target;
    }

    /** Moves the written file onto the target, replacing any file there. */
    public void publish() throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        published = true;
    }

    @Override
    public void close() {
        if (published) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a leftover hidden .part file is harmless and is never mistaken for a target
        }
    }
}
