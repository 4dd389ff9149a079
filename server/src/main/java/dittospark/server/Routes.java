package dittospark.server;

import dittospark.server.renders.JobState;
import dittospark.server.renders.QueueFull;
import dittospark.server.renders.RenderJob;
import dittospark.server.renders.RenderService;
import dittospark.server.renders.ReplyRequest;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server's endpoints: the page, health and metrics, the render API and its files. */
final class Routes extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);
    private static final String RENDERS = "/api/renders";
    private static final Pattern RENDER = Pattern.compile("/api/renders/([^/]+)(/video|/audio|/live/([^/]+))?");
    private static final Map<String, String> AUDIO_TYPES = Map.of("wav", "audio/wav", "mp3", "audio/mpeg",
            "flac", "audio/flac", "ogg", "audio/ogg", "m4a", "audio/mp4", "webm", "audio/webm");

    private final RenderService service;
    private final Submissions submissions;
    private final PageAssets page = new PageAssets();
    private final MediaFiles media = new MediaFiles();
    private final Path idleVideo;

    Routes(RenderService service, ServerSettings settings, Path idleVideo) {
        this.service = service;
        this.submissions = new Submissions(settings);
        this.idleVideo = idleVideo;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        try {
            route(path, method, request, response, callback);
        } catch (ApiException e) {
            JsonReplies.error(response, callback, e);
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", method, path, e);
            JsonReplies.error(response, callback, new ApiException(500, null, "internal error: " + e));
        }
        return true;
    }

    private void route(String path, String method, Request request, Response response, Callback callback)
            throws ApiException {
        boolean read = HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method);
        if (path.equals("/") || path.startsWith("/page/")) {
            requireRead(read, "GET");
            if (!page.serve(path.equals("/") ? "index.html" : path.substring("/page/".length()), response, callback)) {
                throw ApiException.notFound("no page file " + path);
            }
        } else if (path.equals("/healthz")) {
            requireRead(read, "GET");
            JsonReplies.send(response, callback, 200, JsonReplies.JSON.createObjectNode().put("status", "ok")
                    .put("workers", service.settings().workers()).put("queued", service.queued()));
        } else if (path.equals("/metrics")) {
            requireRead(read, "GET");
            JsonReplies.text(response, callback, 200, "text/plain; version=0.0.4", service.metricsText());
        } else if (path.equals("/api/idle/video")) {
            requireRead(read, "GET");
            media.serve(request, response, callback, idleVideo, "video/mp4", "max-age=3600");
        } else if (path.equals(RENDERS)) {
            if (!HttpMethod.POST.is(method)) {
                throw notAllowed(response, "POST");
            }
            submit(request, response, callback);
        } else {
            Matcher m = RENDER.matcher(path);
            if (!m.matches()) {
                throw ApiException.notFound("no endpoint " + path);
            }
            RenderJob job = service.find(m.group(1)).orElseThrow(() -> ApiException.notFound("no render " + m.group(1)
                    + " (never made, or removed after its retention)"));
            String part = m.group(2);
            if (part == null) {
                one(job, method, response, callback);
            } else {
                requireRead(read, "GET");
                file(job, part, m.group(3), request, response, callback);
            }
        }
    }

    private void submit(Request request, Response response, Callback callback) throws ApiException {
        RenderService.Draft draft;
        try {
            draft = service.draft();
        } catch (IOException e) {
            throw new ApiException(503, null, "cannot make the render's folder: " + e.getMessage());
        }
        ReplyRequest reply;
        try {
            reply = submissions.read(request, draft);
        } catch (ApiException | RuntimeException e) {
            service.discard(draft);
            throw e;
        }
        try {
            RenderJob job = service.submit(draft, reply);
            response.getHeaders().put(HttpHeader.LOCATION, RenderViews.base(job.id()));
            JsonReplies.send(response, callback, 202, RenderViews.accepted(job.state()));
        } catch (QueueFull e) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
            throw new ApiException(429, null, e.getMessage());
        }
    }

    private void one(RenderJob job, String method, Response response, Callback callback) throws ApiException {
        if (HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method)) {
            JsonReplies.send(response, callback, 200, RenderViews.status(job.state()));
        } else if (HttpMethod.DELETE.is(method)) {
            boolean cancelled = service.cancel(job);
            JobState s = job.state();
            if (!cancelled) {
                throw new ApiException(409, null, "render " + job.id() + " already ended: " + s.status());
            }
            // a queued render is cancelled at once; a running one once its worker sees the interrupt
            JsonReplies.send(response, callback, s.status().terminal() ? 200 : 202, RenderViews.status(s));
        } else {
            throw notAllowed(response, "GET, DELETE");
        }
    }

    private void file(RenderJob job, String part, String liveName, Request request, Response response,
                      Callback callback) throws ApiException {
        if (part.equals("/video")) {
            Path video = job.video();
            if (video == null) {
                throw ApiException.notFound("render " + job.id() + " has no video (" + job.state().status() + ")");
            }
            media.serve(request, response, callback, video, "video/mp4", "private, max-age=3600");
        } else if (part.equals("/audio")) {
            Path audio = job.audio();
            if (audio == null) {
                throw ApiException.notFound("render " + job.id() + " has no speech yet");
            }
            String name = audio.getFileName().toString();
            String type = AUDIO_TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT),
                    "application/octet-stream");
            media.serve(request, response, callback, audio, type, "private, max-age=3600");
        } else {
            LiveFiles.Served served = LiveFiles.find(job.liveFolder(), liveName)
                    .orElseThrow(() -> ApiException.notFound("no live file " + liveName + " (yet)"));
            media.serve(request, response, callback, served.file(), served.contentType(), served.cacheControl());
        }
    }

    private static void requireRead(boolean read, String allowed) throws ApiException {
        if (!read) {
            throw new ApiException(405, null, "only " + allowed + " here");
        }
    }

    private static ApiException notAllowed(Response response, String allowed) {
        response.getHeaders().put(HttpHeader.ALLOW, allowed);
        return new ApiException(405, null, "only " + allowed + " here");
    }
}
