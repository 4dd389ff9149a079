package dittospark.server;

import dittospark.engine.EngineRegistry;
import dittospark.engine.RenderEngine;
import dittospark.engine.ThreadBudget;
import dittospark.server.renders.IdleLoop;
import dittospark.server.renders.RenderService;
import dittospark.server.renders.ReplyWriter;
import dittospark.server.renders.ServiceMetrics;
import dittospark.speech.SpeechSynthesizer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The live avatar service on Jetty: one engine, loaded once, behind the render service, the API, the
 * WebSocket and the page. It starts by rendering the idle loop, so it answers its first request with
 * the models loaded and the pipeline warm.
 */
public final class AvatarServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AvatarServer.class);
    /** Longer than the ping interval: a socket that answers pings never times out. */
    private static final Duration SOCKET_IDLE = Duration.ofSeconds(3 * EventHub.PING_SECONDS);

    /** The engine's side: model folder and device. */
    public record Engine(Path models, String device) {
    }

    private final Server server;
    private final RenderService service;
    private final EventHub hub;
    private final EngineRegistry registry;

    private AvatarServer(Server server, RenderService service, EventHub hub, EngineRegistry registry) {
        this.server = server;
        this.service = service;
        this.hub = hub;
        this.registry = registry;
    }

    public static AvatarServer start(ServerSettings http, RenderService.Settings renders, Engine engineSide,
                                     SpeechSynthesizer speech, ReplyWriter writer, int cores) throws Exception {
        requireTokenOffLoopback(http);
        if (renders.workers() > cores) {
            throw new IllegalArgumentException("--workers " + renders.workers() + " exceeds the " + cores
                    + " cores the renders may use");
        }
        // each worker renders one reply at a time: the workers are the budget's rows
        ThreadBudget.install(ThreadBudget.split(cores, renders.workers()));
        ServiceMetrics metrics = new ServiceMetrics();
        EngineRegistry registry = new EngineRegistry();
        EventHub hub = new EventHub();
        RenderService service = null;
        try {
            EngineRegistry.Lease lease = registry.engine(engineSide.models(), null, engineSide.device());
            if (lease.loaded()) {
                metrics.modelsLoaded();
            }
            RenderEngine engine = lease.engine();
            long t = System.nanoTime();
            Path idle = IdleLoop.render(engine, http.avatar(), http.idleSeconds(), http.defaultOptions(),
                    renders.work().resolve("idle"));
            LOG.info("idle loop of {} rendered in {} s", http.avatar(), String.format("%.2f", (System.nanoTime() - t) / 1e9));
            service = new RenderService(engine, speech, writer, hub, metrics, renders);
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost(http.host());
            connector.setPort(http.port());
            server.addConnector(connector);
            RenderService events = service;
            WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, container -> {
                container.setIdleTimeout(SOCKET_IDLE);
                container.setMaxTextMessageSize(64 * 1024);
                container.addMapping("/ws", (request, response, callback) -> new EventSocket(hub, events,
                        Request.extractQueryParameters(request).getValue("client")));
            });
            ws.setHandler(new Routes(service, http, idle));
            Handler root = http.token() == null ? ws : new AccessGuard(http.token(), ws);
            server.setHandler(root);
            server.start();
            return new AvatarServer(server, service, hub, registry);
        } catch (Exception | Error e) {
            if (service != null) {
                service.close();
            }
            hub.close();
            registry.close();
            throw e;
        }
    }

    /** Off loopback, anyone who can reach the port could render on this machine: a token is required. */
    private static void requireTokenOffLoopback(ServerSettings http) throws UnknownHostException {
        if (http.token() == null && !InetAddress.getByName(http.host()).isLoopbackAddress()) {
            throw new IllegalArgumentException("binding to " + http.host() + " needs a token (--token or the"
                    + " environment variable " + ServeCommand.TOKEN_ENV + "); without one the server binds to loopback only");
        }
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** The server's address, as a client on this machine reaches it. */
    public URI uri() {
        String host = ((ServerConnector) server.getConnectors()[0]).getHost();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    public RenderService service() {
        return service;
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        server.stop();
        service.close();
        hub.close();
        registry.close();
    }
}
