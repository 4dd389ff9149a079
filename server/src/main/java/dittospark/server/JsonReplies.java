package dittospark.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;


/** Replies of the API: JSON bodies, errors as {@code {error_kind, message}}, and plain text. */
final class JsonReplies {
    static final ObjectMapper JSON = new ObjectMapper();

    private JsonReplies() {
    }

    static void send(Response response, Callback callback, int status, JsonNode body) {
        text(response, callback, status, "application/json", body.toString());
    }

    static void error(Response response, Callback callback, ApiException e) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error_kind", e.kind() == null ? null : e.kind().name());
        body.put("message", e.getMessage());
        send(response, callback, e.status(), body);
    }

    static void text(Response response, Callback callback, int status, String type, String text) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type + "; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Content.Sink.write(response, true, text == null ? "" : text, callback);
    }

}
