package dittospark.job;

import org.apache.hadoop.fs.Path;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * The report's hrefs to the outputs: relative to the report's folder for an output inside it, so the folder
 * still works once moved, copied or served over HTTP; an absolute URI for any other output.
 */
final class VideoLinks {
    private final URI folder;

    /** @param reportFolder the folder that holds the report, as a Hadoop path string */
    VideoLinks(String reportFolder) {
        this.folder = new Path(reportFolder).toUri();
    }

    /** The href for {@code output}, a Hadoop path string; already escaped for URIs, not yet for HTML. */
    String href(String output) {
        URI target = new Path(output).toUri();
        String prefix = folder.getPath().endsWith("/") ? folder.getPath() : folder.getPath() + "/";
        if (Objects.equals(target.getScheme(), folder.getScheme())
                && Objects.equals(target.getAuthority(), folder.getAuthority())
                && target.getPath().startsWith(prefix)) {
            // "./" keeps a first segment such as "a:b.mp4" from reading as a URI scheme
            return encodedPath("./" + target.getPath().substring(prefix.length()));
        }
        if ("file".equals(target.getScheme()) && target.getAuthority() == null) {
            // Hadoop writes file:/x, which browsers accept less readily than file:///x
            return "file://" + encodedPath(target.getPath());
        }
        return target.toASCIIString();
    }

    private static String encodedPath(String path) {
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + path, e);
        }
    }
}
