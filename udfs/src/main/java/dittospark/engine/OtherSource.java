package dittospark.engine;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;

import java.net.URI;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** The local file a {@code ch_info} option names: a path or a {@code file:} URI (the batch job fetches others first). */
final class OtherSource {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");

    private OtherSource() {
    }

    static Path path(String named) throws RenderException {
        if (named.startsWith("file:")) {
            try {
                return Path.of(URI.create(named));
            } catch (IllegalArgumentException e) {
                throw new RenderException(ErrorKind.BAD_OPTION, "option 'ch_info' names " + named
                        + ", which is not a file: URI of an absolute path");
            }
        }
        if (SCHEME.matcher(named).find()) {
            throw new RenderException(ErrorKind.UNSUPPORTED_URI, "option 'ch_info' names " + named
                    + "; a render reads local files only (the batch job fetches other URIs first)");
        }
        return Path.of(named);
    }
}
