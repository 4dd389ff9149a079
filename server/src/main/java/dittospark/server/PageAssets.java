package dittospark.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The page, served from the jar as written: plain HTML, CSS and JavaScript, no build step and no
 * third-party code. Its policy lets it load nothing but its own files and the server's API.
 */
final class PageAssets {
    private static final String FOLDER = "/dittospark/server/page/";
    private static final Map<String, String> TYPES = Map.of("index.html", "text/html", "app.js", "text/javascript",
            "app.css", "text/css");
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " media-src 'self' blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final Map<String, byte[]> files;

    PageAssets() {
        this.files = Map.of("index.html", read("index.html"), "app.js", read("app.js"), "app.css", read("app.css"));
    }

    private static byte[] read(String name) {
        try (InputStream in = PageAssets.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("the page's " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves {@code name}; false where the page has no such file. */
    boolean serve(String name, Response response, Callback callback) {
        byte[] body = files.get(name);
        if (body == null) {
            return false;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, TYPES.get(name) + "; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put("Content-Security-Policy", POLICY);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
