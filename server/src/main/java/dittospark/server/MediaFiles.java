package dittospark.server;

import org.eclipse.jetty.http.content.ResourceHttpContent;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;

import java.nio.file.Path;

/**
 * Files served as Jetty serves static content: byte ranges ({@code 206} with {@code Content-Range},
 * {@code 416} past the end), {@code HEAD}, ETags and conditional requests, which a browser's video
 * element relies on to seek and to start before the whole file has arrived.
 */
final class MediaFiles {
    private final ResourceService service = new ResourceService();

    MediaFiles() {
        service.setAcceptRanges(true);
        service.setDirAllowed(false);
        service.setEtags(true);
    }

    void serve(Request request, Response response, Callback callback, Path file, String contentType,
               String cacheControl) {
        response.getHeaders().put("Cache-Control", cacheControl);
        service.doGet(request, response, callback,
                new ResourceHttpContent(ResourceFactory.root().newResource(file), contentType));
    }
}
