package dittospark.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Local-disk chores shared by the engine and the executors: digests and removing work folders. */
public final class LocalFiles {
    private LocalFiles() {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static void digest(Path file, MessageDigest into) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                into.update(buffer, 0, n);
            }
        }
    }

    public static String sha256Hex(Path file) throws IOException {
        MessageDigest sha = sha256();
        digest(file, sha);
        return HexFormat.of().formatHex(sha.digest());
    }

    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** SHA-256 over every non-hidden file's relative path and content, in path order: names a folder's content. */
    public static String folderHash(Path folder) throws IOException {
        MessageDigest sha = sha256();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !hidden(folder.relativize(p))).sorted().toList();
        }
        for (Path f : files) {
            sha.update(folder.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            digest(f, sha);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
