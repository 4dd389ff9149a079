package dittospark.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dittospark.engine.RenderOptions;
import dittospark.engine.RenderRequest;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.options.Options;
import dittospark.server.renders.RandomIds;
import dittospark.server.renders.RenderService;
import dittospark.server.renders.ReplyRequest;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.server.Request;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code POST /api/renders}, as JSON or as a multipart form, into a {@link ReplyRequest} whose files
 * lie in the render's own folder or inside a source root. Every field is checked here, so that a render
 * that is queued fails only for what the engine alone can tell.
 */
final class Submissions {
    private static final Set<String> FIELDS = Set.of("source", "audio", "text", "language", "voice", "options",
            "seed", "client");
    private static final int MAX_JSON_BYTES = 256 * 1024;
    private static final int MAX_TEXT_CHARS = 2000;
    private static final int MAX_FIELD_BYTES = 64 * 1024;
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
    private static final String DEFAULT_LANGUAGE = "en";

    private final ServerSettings settings;
    private final SourceRoots roots;

    Submissions(ServerSettings settings) {
        this.settings = settings;
        this.roots = new SourceRoots(settings.sourceRoots());
    }

    ReplyRequest read(Request request, RenderService.Draft draft) throws ApiException {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        long length = request.getLength();
        if (length > settings.maxUploadBytes()) {
            throw tooLarge();
        }
        Map<String, String> fields = new HashMap<>();
        Map<UploadTypes.Role, Path> files = new HashMap<>();
        if (mime.equals("application/json")) {
            json(request, fields);
        } else if (mime.equals("multipart/form-data")) {
            multipart(request, type, draft, fields, files);
        } else {
            throw new ApiException(415, ErrorKind.BAD_REQUEST, "send application/json or multipart/form-data");
        }
        return reply(fields, files);
    }

    private void json(Request request, Map<String, String> fields) throws ApiException {
        JsonNode body;
        try (InputStream in = Request.asInputStream(request)) {
            byte[] bytes = in.readNBytes(MAX_JSON_BYTES + 1);
            if (bytes.length > MAX_JSON_BYTES) {
                throw tooLarge();
            }
            body = JsonReplies.JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("cannot read the body: " + e.getMessage());
        }
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        Iterator<Map.Entry<String, JsonNode>> it = body.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            known(field.getKey());
            if (value.isNull()) {
                continue;
            }
            if (field.getKey().equals("options")) {
                fields.put("options", value.toString());
            } else if (value.isTextual() || value.isNumber()) {
                fields.put(field.getKey(), value.asText());
            } else {
                throw ApiException.badRequest("'" + field.getKey() + "' must be a string"
                        + (field.getKey().equals("seed") ? " or a number" : ""));
            }
        }
    }

    private void multipart(Request request, String type, RenderService.Draft draft, Map<String, String> fields,
                           Map<UploadTypes.Role, Path> files) throws ApiException {
        MultiPartConfig config = new MultiPartConfig.Builder().location(draft.folder()).maxParts(FIELDS.size() + 1)
                .maxSize(settings.maxUploadBytes()).maxPartSize(settings.maxUploadBytes())
                .maxMemoryPartSize(MAX_FIELD_BYTES).build();
        MultiPartFormData.Parts parts;
        try {
            parts = MultiPartFormData.getParts(request, request, type, config);
        } catch (RuntimeException e) {
            throw overLimit(e) ? tooLarge()
                    : ApiException.badRequest("the multipart body is malformed: " + e.getMessage());
        }
        try (parts) {
            for (MultiPart.Part part : parts) {
                String name = part.getName();
                known(name);
                if (part.getFileName() != null && (name.equals("source") || name.equals("audio"))) {
                    UploadTypes.Role role = name.equals("source") ? UploadTypes.Role.SOURCE : UploadTypes.Role.AUDIO;
                    files.put(role, store(part, role, draft.folder()));
                } else {
                    fields.put(name, part.getContentAsString(StandardCharsets.UTF_8));
                }
            }
        }
    }

    /**
     * Whether Jetty's parser stopped at one of the limits: it says so with a 413, or (size, part and
     * header limits) with an IllegalStateException that names what was exceeded.
     */
    private static boolean overLimit(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpException h && h.getCode() == HttpStatus.PAYLOAD_TOO_LARGE_413
                    || t instanceof IllegalStateException && String.valueOf(t.getMessage()).contains("exceeded")) {
                return true;
            }
        }
        return false;
    }

    private static Path store(MultiPart.Part part, UploadTypes.Role role, Path folder) throws ApiException {
        String name = role.name().toLowerCase(Locale.ROOT);
        Path upload = folder.resolve(name + ".upload");
        try {
            part.writeTo(upload);
            byte[] head;
            try (InputStream in = Files.newInputStream(upload)) {
                head = in.readNBytes(UploadTypes.HEAD_BYTES);
            }
            return Files.move(upload, folder.resolve(name + "." + UploadTypes.extension(role, head)));
        } catch (IOException e) {
            throw ApiException.badRequest("cannot store the upload '" + part.getName() + "': " + e.getMessage());
        }
    }

    private ReplyRequest reply(Map<String, String> fields, Map<UploadTypes.Role, Path> files) throws ApiException {
        Path source = files.containsKey(UploadTypes.Role.SOURCE) ? files.get(UploadTypes.Role.SOURCE)
                : fields.containsKey("source") ? roots.resolve(fields.get("source")) : settings.avatar();
        Path audio = files.containsKey(UploadTypes.Role.AUDIO) ? files.get(UploadTypes.Role.AUDIO)
                : fields.containsKey("audio") ? roots.resolve(fields.get("audio")) : null;
        String text = fields.get("text");
        if ((audio == null) == (text == null || text.isBlank())) {
            throw ApiException.badRequest("send either 'audio' (a file) or 'text' (a line to say), not "
                    + (audio == null ? "neither" : "both"));
        }
        String language = fields.getOrDefault("language", DEFAULT_LANGUAGE);
        if (audio == null) {
            if (text.length() > MAX_TEXT_CHARS) {
                throw new ApiException(413, ErrorKind.TOO_LARGE, "'text' holds at most " + MAX_TEXT_CHARS + " characters");
            }
            if (!LANGUAGE.matcher(language).matches()) {
                throw new ApiException(400, ErrorKind.SPEECH_FAILED, "'language' must be a BCP-47 tag such as en,"
                        + " es-419 or pt-BR");
            }
        }
        String client = fields.get("client");
        if (client != null && !RandomIds.wellFormed(client)) {
            throw ApiException.badRequest("'client' must be the id the WebSocket's welcome event gave");
        }
        return new ReplyRequest(source, audio, audio == null ? text.strip() : null, language, fields.get("voice"),
                options(fields.get("options")), seed(fields.get("seed")), client);
    }

    /** The request's options over the server's defaults (--option), each checked by the one option schema. */
    private RenderOptions options(String json) throws ApiException {
        try {
            RenderOptions options = RenderOptions.parse(json);
            for (Map.Entry<String, JsonNode> d : settings.defaultOptions().values().entrySet()) {
                options = options.orElse(Options.require(d.getKey()), d.getValue());
            }
            return options;
        } catch (RenderException e) {
            throw ApiException.of(e);
        }
    }

    private static long seed(String text) throws ApiException {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            long seed = Long.parseLong(text.strip());
            if (seed >= 0 && seed <= RenderRequest.MAX_SEED) {
                return seed;
            }
        } catch (NumberFormatException e) {
            // the message below says what a seed is
        }
        throw new ApiException(400, ErrorKind.BAD_OPTION, "'seed' must be an integer in [0, " + RenderRequest.MAX_SEED
                + "], got " + text);
    }

    private static void known(String field) throws ApiException {
        if (!FIELDS.contains(field)) {
            throw ApiException.badRequest("unknown field '" + field + "'; known: " + String.join(", ", new java.util.TreeSet<>(FIELDS)));
        }
    }

    private ApiException tooLarge() {
        return new ApiException(413, ErrorKind.TOO_LARGE, "the request is larger than this server takes ("
                + settings.maxUploadBytes() + " bytes, --max-upload)");
    }
}
