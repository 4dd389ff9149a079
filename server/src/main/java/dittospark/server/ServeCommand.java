package dittospark.server;

import dittospark.engine.DefaultModels;
import dittospark.engine.RenderOptions;
import dittospark.errors.RenderException;
import dittospark.server.chat.ChatClient;
import dittospark.server.renders.RenderService;
import dittospark.server.renders.ReplyWriter;
import dittospark.server.renders.Retention;
import dittospark.speech.Synthesizers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code dittospark serve}: the live avatar service. Its own main class, launched with the server
 * module's classpath (Jetty, no Spark), so that the batch job's classpath never carries Jetty.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, version = "dittospark 0.1.0",
        description = "Serve the live avatar: a page, an HTTP API and a WebSocket over one render engine.")
public final class ServeCommand implements Callable<Integer> {
    static final String TOKEN_ENV = "DITTOSPARK_TOKEN";
    private static final String BUNDLED_AVATAR = "/dittospark/samples/portrait.png";

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default: ${DEFAULT-VALUE}; "
            + "any other needs a token)")
    String host;

    @Option(names = "--port", defaultValue = "7136", description = "port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--models", description = "model folder (default: the demo model set)")
    Path models;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu or cuda:N (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--avatar", description = "picture or video the replies are rendered onto (default: the sample portrait)")
    Path avatar;

    @Option(names = "--workers", defaultValue = "1", description = "renders at once (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--queue", defaultValue = "8", description = "renders that may wait for a worker; more get 429"
            + " (default: ${DEFAULT-VALUE})")
    int queue;

    @Option(names = "--threads", description = "cores the renders may use, split among the workers (default: all)")
    Integer threads;

    @Option(names = "--token", description = "bearer token of every API and WebSocket call (default: $" + TOKEN_ENV + ")")
    String token;

    @Option(names = "--source-root", description = "folder a request may name source and audio files in (repeatable)")
    List<Path> sourceRoots = new ArrayList<>();

    @Option(names = "--keep", defaultValue = "1h", description = "how long finished videos stay (default: ${DEFAULT-VALUE})")
    String keep;

    @Option(names = "--quota", defaultValue = "2g", description = "disk the finished renders may take; the oldest go"
            + " first (default: ${DEFAULT-VALUE})")
    String quota;

    @Option(names = "--max-upload", defaultValue = "50m", description = "largest request body (default: ${DEFAULT-VALUE})")
    String maxUpload;

    @Option(names = "--option", description = "render option of every reply, key=value (repeatable; a request's own win)")
    List<String> options = new ArrayList<>();

    @Option(names = "--idle-seconds", defaultValue = "2", description = "length of the idle loop (default: ${DEFAULT-VALUE})")
    double idleSeconds;

    @Option(names = "--chat-url", description = "OpenAI-compatible chat-completions URL that writes the replies"
            + " (model: $" + ChatClient.MODEL_ENV + ", key: $" + ChatClient.KEY_ENV + ")")
    URI chatUrl;

    @Option(names = "--work", description = "folder for renders and uploads (default: a temporary folder)")
    Path work;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ServeCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        try {
            Path folder = work != null ? Files.createDirectories(work) : Files.createTempDirectory("dittospark-serve-");
            ServerSettings http = new ServerSettings(host, port, token != null ? token : System.getenv(TOKEN_ENV),
                    avatar != null ? avatar : defaultAvatar(folder), sourceRoots, Quantities.bytes(maxUpload),
                    RenderOptions.parsePairs(options), idleSeconds);
            RenderService.Settings renders = new RenderService.Settings(workers, queue, folder,
                    new Retention(Quantities.duration(keep), Quantities.bytes(quota)));
            ReplyWriter writer = chatUrl == null ? ReplyWriter.ECHO : new ChatClient(chatUrl,
                    System.getenv().getOrDefault(ChatClient.MODEL_ENV, "gpt-4o-mini"), System.getenv(ChatClient.KEY_ENV));
            int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            System.err.println("dittospark serve: rendering the idle loop ...");
            AvatarServer server = AvatarServer.start(http, renders, new AvatarServer.Engine(
                            models != null ? models : DefaultModels.demoFolder(), device),
                    Synthesizers.named(System.getProperty(Synthesizers.SETTING)), writer, cores);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (Exception e) {
                    System.err.println("dittospark serve: stopping failed: " + e);
                }
            }, "serve-stop"));
            System.err.println("dittospark serve: " + server.uri() + "/ (renders in " + folder + ")");
            server.join();
            return 0;
        } catch (RenderException e) {
            System.err.println("dittospark serve failed [" + e.kind() + "]: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The checkout's sample portrait, else the copy inside the jar. */
    private static Path defaultAvatar(Path work) throws IOException {
        String home = System.getProperty("dittospark.home");
        if (home != null && Files.isRegularFile(Path.of(home, "samples", "portrait.png"))) {
            return Path.of(home, "samples", "portrait.png");
        }
        Path copy = work.resolve("avatar.png");
        try (InputStream in = ServeCommand.class.getResourceAsStream(BUNDLED_AVATAR)) {
            if (in == null) {
                throw new IOException("no sample portrait in this build; pass --avatar");
            }
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }
}
