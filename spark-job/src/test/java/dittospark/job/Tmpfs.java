package dittospark.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real, size-limited file system (tmpfs) mounted for one test: writes past its size fail with ENOSPC. */
final class Tmpfs implements AutoCloseable {
    private final Path mountPoint;

    private Tmpfs(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Whether this process may mount (root, as in CI); tests that need a full disk assume it. */
    static boolean canMount() {
        return "root".equals(System.getProperty("user.name"));
    }

    static Tmpfs mount(Path mountPoint, String size) throws IOException {
        Files.createDirectories(mountPoint);
        run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mountPoint.toString());
        return new Tmpfs(mountPoint);
    }

    Path path() {
        return mountPoint;
    }

    /** Grows the file system, as an operator freeing space would. */
    void resize(String size) throws IOException {
        run("mount", "-o", "remount,size=" + size, mountPoint.toString());
    }

    /** Fills the file system to its last byte. */
    void fill() throws IOException {
        try (var out = Files.newOutputStream(mountPoint.resolve("filler"))) {
            byte[] block = new byte[4096];
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
    }

    @Override
    public void close() throws IOException {
        run("umount", "-l", mountPoint.toString());
    }

    private static void run(String... command) throws IOException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + new String(p.getInputStream().readAllBytes()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
    }
}
