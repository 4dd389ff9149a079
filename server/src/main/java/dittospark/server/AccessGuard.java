package dittospark.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * The bearer token in front of the API and the WebSocket. The page and {@code /healthz} stay open: the
 * page asks for the token itself. A GET may carry the token as {@code ?token=} instead, because a
 * browser sets no headers on a WebSocket or on a {@code <video>}'s requests.
 */
final class AccessGuard extends Handler.Wrapper {
    private static final Set<String> OPEN = Set.of("/", "/healthz");
    private static final String PAGE = "/page/";
    private static final String BEARER = "Bearer ";

    private final byte[] token;

    AccessGuard(String token, Handler next) {
        super(next);
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (OPEN.contains(path) || path.startsWith(PAGE) || allowed(request)) {
            return super.handle(request, response, callback);
        }
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"dittospark\"");
        JsonReplies.error(response, callback, new ApiException(401, null,
                "this server needs its token: Authorization: Bearer <token>"));
        return true;
    }

    private boolean allowed(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header != null && header.startsWith(BEARER)) {
            return matches(header.substring(BEARER.length()).trim());
        }
        if (HttpMethod.GET.is(request.getMethod()) || HttpMethod.HEAD.is(request.getMethod())) {
            return matches(Request.extractQueryParameters(request).getValue("token"));
        }
        return false;
    }

    /** Compared in constant time, so that response times tell nothing of the token. */
    private boolean matches(String given) {
        return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }
}
