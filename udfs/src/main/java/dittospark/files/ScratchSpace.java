package dittospark.files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * This user's local scratch space, one folder under the system temp folder: caches shared by every
 * JVM ({@link #shared}) and one folder per live JVM for task and row files ({@link #ownFolder}).
 * A JVM's folder holds a file it keeps locked while it lives; the operating system drops the lock
 * when the process dies, even by {@code kill -9}, so the next JVM removes folders nobody holds.
 */
public final class ScratchSpace {
    private static final Logger LOG = LoggerFactory.getLogger(ScratchSpace.class);
    private static final String JVMS = "jvm";
    private static final String LOCK = "alive.lock";

    private static Path own;
    /** Held for the JVM's life: releasing it would let another JVM sweep our files. */
    private static FileChannel ownLock;

    private ScratchSpace() {
    }

    /** {@code <tmp>/dittospark-<user>}; the user name keeps people on one machine apart. */
    public static Path root() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "dittospark-" + user);
    }

    /** A cache folder shared by this user's JVMs (model copies, native libraries), created if missing. */
    public static Path shared(String name) throws IOException {
        return Files.createDirectories(root().resolve(name));
    }

    /**
     * This JVM's own folder, removed when the JVM exits normally; the first call also removes the
     * folders of JVMs that died without cleaning up.
     */
    public static synchronized Path ownFolder() throws IOException {
        if (own == null) {
            Path jvms = Files.createDirectories(root().resolve(JVMS));
            sweep(jvms);
            Path folder = Files.createTempDirectory(jvms, ProcessHandle.current().pid() + "-");
            FileChannel lock = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock.lock();
            ownLock = lock;
            own = folder;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder), "dittospark-scratch-cleanup"));
        }
        return own;
    }

    /** A new folder inside this JVM's own folder. */
    public static Path newFolder(String prefix) throws IOException {
        return Files.createTempDirectory(ownFolder(), prefix);
    }

    /** Removes every JVM folder whose lock can be taken, i.e. whose JVM is gone. */
    static int sweep(Path jvms) {
        int removed = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(jvms)) {
            for (Path folder : folders) {
                if (isAbandoned(folder)) {
                    deleteQuietly(folder);
                    removed++;
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot sweep {}: {}", jvms, e.toString());
        }
        return removed;
    }

    private static boolean isAbandoned(Path folder) {
        Path lockFile = folder.resolve(LOCK);
        if (!Files.exists(lockFile)) {
            // a JVM between creating its folder and locking it looks like this for a moment
            return isOlderThanAMinute(folder);
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException | IOException e) {
            return false;
        }
    }

    private static boolean isOlderThanAMinute(Path folder) {
        try {
            return Files.getLastModifiedTime(folder).toMillis() < System.currentTimeMillis() - 60_000;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            LocalFiles.deleteRecursively(folder);
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", folder, e.toString());
        }
    }
}
