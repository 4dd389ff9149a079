package dittospark.server;

import dittospark.errors.ErrorKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The folders a request may name files in, by a path relative to one of them. Nothing else is read:
 * no URLs, no absolute paths, no way out through {@code ..} or a link.
 */
final class SourceRoots {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private final List<Path> roots;

    SourceRoots(List<Path> roots) {
        this.roots = roots.stream().map(SourceRoots::real).toList();
    }

    private static Path real(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("source root " + root + " does not exist", e);
        }
    }

    /** The file {@code name} names inside a root, the first root that has it. */
    Path resolve(String name) throws ApiException {
        if (SCHEME.matcher(name).find()) {
            throw new ApiException(400, ErrorKind.UNSUPPORTED_URI, "the server fetches no URLs; name a file"
                    + " inside a source root, or upload it");
        }
        if (roots.isEmpty()) {
            throw new ApiException(400, ErrorKind.UNSUPPORTED_URI, "this server has no source roots (--source-root);"
                    + " upload the file instead");
        }
        Path relative;
        try {
            relative = Path.of(name);
        } catch (InvalidPathException e) {
            throw ApiException.badRequest("'" + name + "' is not a file name");
        }
        if (relative.isAbsolute() || name.isBlank()) {
            throw new ApiException(400, ErrorKind.UNSUPPORTED_URI, "name files relative to a source root, not '"
                    + name + "'");
        }
        for (Path root : roots) {
            Path candidate = root.resolve(relative).normalize();
            if (!candidate.startsWith(root) || !Files.isRegularFile(candidate)) {
                continue;
            }
            try {
                if (candidate.toRealPath().startsWith(root)) {
                    return candidate.toRealPath();
                }
            } catch (IOException e) {
                // unreadable: as if absent
            }
        }
        throw new ApiException(400, ErrorKind.SOURCE_UNREADABLE, "no file '" + name + "' inside the source roots");
    }
}
