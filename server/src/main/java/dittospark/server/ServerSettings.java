package dittospark.server;

import dittospark.engine.RenderOptions;

import java.nio.file.Path;
import java.util.List;

/**
 * What the HTTP side of a server is set to (the render side has {@link dittospark.server.renders.RenderService.Settings}).
 *
 * @param token          the bearer token every API and WebSocket call needs, or null for none (loopback only)
 * @param avatar         the source replies render onto where a request names none
 * @param sourceRoots    folders a request may name source and audio files in
 * @param defaultOptions render options of every reply, where the request does not set them
 * @param idleSeconds    length of the idle loop rendered at start
 */
public record ServerSettings(String host, int port, String token, Path avatar, List<Path> sourceRoots,
                             long maxUploadBytes, RenderOptions defaultOptions, double idleSeconds) {
    public ServerSettings {
        sourceRoots = List.copyOf(sourceRoots);
        if (token != null && token.isBlank()) {
            token = null;
        }
    }
}
