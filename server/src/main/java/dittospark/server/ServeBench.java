package dittospark.server;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.engine.DefaultModels;
import dittospark.engine.RenderOptions;
import dittospark.media.AudioDecoder;
import dittospark.server.renders.RenderService;
import dittospark.server.renders.ReplyWriter;
import dittospark.server.renders.Retention;
import dittospark.media.WaveFiles;
import dittospark.speech.Synthesizers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code dittospark bench-serve}: the service as a client sees it, on this machine. For each worker
 * count it starts a server on a loopback port and sends replies of the sample speech cut to
 * {@code --seconds}: one at a time for the latencies (request to {@code video_ready}, request to the
 * first live segment), then all at once for the throughput (replies per minute until the last is ready).
 */
@Command(name = "bench-serve", mixinStandardHelpOptions = true, version = "dittospark 0.1.0",
        description = "Benchmark the live avatar service: reply latency and replies per minute.")
public final class ServeBench implements java.util.concurrent.Callable<Integer> {
    private static final Duration LIMIT = Duration.ofMinutes(10);

    @Option(names = "--models", description = "model folder (default: the demo model set)")
    Path models;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu or cuda:N (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--replies", defaultValue = "8", description = "replies per measurement (default: ${DEFAULT-VALUE})")
    int replies;

    @Option(names = "--seconds", defaultValue = "2", description = "seconds of speech per reply (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--workers", split = ",", defaultValue = "1,2", description = "worker counts (default: ${DEFAULT-VALUE})")
    int[] workers;

    @Option(names = "--option", description = "render option of every reply, key=value (default: max_size=512)")
    List<String> options = new ArrayList<>();

    @Option(names = "--threads", description = "cores the renders may use (default: all)")
    Integer threads;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ServeBench()).execute(args));
    }

    /** One worker count's figures, in seconds. */
    record Row(int workers, double[] ready, double[] firstSegment, double perMinute) {
    }

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("dittospark-bench-serve-");
        Path root = Files.createDirectories(work.resolve("root"));
        Path avatar = samples(work, "portrait.png");
        WaveFiles.write(AudioDecoder.decode(samples(work, "speech_24k.wav")), seconds, root.resolve("reply.wav"));
        RenderOptions defaults = RenderOptions.parsePairs(options.isEmpty() ? List.of("max_size=512") : options);
        int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        List<Row> rows = new ArrayList<>();
        for (int w : workers) {
            ServerSettings http = new ServerSettings("127.0.0.1", 0, null, avatar, List.of(root), 1 << 20, defaults, 1);
            RenderService.Settings renders = new RenderService.Settings(w, replies, work.resolve("w" + w),
                    new Retention(Duration.ofHours(1), 1L << 34));
            System.err.println("bench-serve: " + w + " worker(s) ...");
            try (AvatarServer server = AvatarServer.start(http, renders, new AvatarServer.Engine(
                    models != null ? models : DefaultModels.demoFolder(), device),
                    Synthesizers.named(null), ReplyWriter.ECHO, cores)) {
                rows.add(measure(server, w));
            }
        }
        System.out.print(table(rows, defaults, cores));
        return 0;
    }

    private Row measure(AvatarServer server, int w) throws Exception {
        Client client = new Client(server.uri());
        // one reply first, unmeasured: the server's first request compiles what the idle loop did not
        client.awaitReady(client.submit());
        double[] ready = new double[replies];
        double[] segment = new double[replies];
        for (int i = 0; i < replies; i++) {
            long t0 = System.nanoTime();
            String id = client.submit();
            ready[i] = (client.awaitReady(id) - t0) / 1e9;
            Long first = client.firstSegment.get(id);
            segment[i] = first == null ? Double.NaN : (first - t0) / 1e9;
        }
        long t0 = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < replies; i++) {
            ids.add(client.submit());
        }
        long last = 0;
        for (String id : ids) {
            last = Math.max(last, client.awaitReady(id));
        }
        client.close();
        return new Row(w, ready, segment, replies / ((last - t0) / 60e9));
    }

    static String table(List<Row> rows, RenderOptions options, int cores) {
        StringBuilder b = new StringBuilder(String.format("%-8s %8s %11s %11s %13s %13s %12s%n", "workers", "replies",
                "ready p50", "ready p95", "segment p50", "segment p95", "replies/min"));
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "%-8d %8d %10.2fs %10.2fs %13s %13s %12.1f%n", r.workers(),
                    r.ready().length, percentile(r.ready(), 50), percentile(r.ready(), 95),
                    seconds(percentile(r.firstSegment(), 50)), seconds(percentile(r.firstSegment(), 95)), r.perMinute()));
        }
        b.append("ready = request to video_ready, segment = request to the first live segment (- where the render wrote"
                + " none), one reply at a time; replies/min = all replies at once, until the last is ready\n");
        b.append("options: ").append(options.values()).append("; cores: ").append(cores).append('\n');
        return b.toString();
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? "-" : String.format(Locale.ROOT, "%.2fs", s);
    }

    /** The nearest-rank percentile; NaN where a value is missing. */
    static double percentile(double[] values, int p) {
        if (Arrays.stream(values).anyMatch(Double::isNaN)) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static Path samples(Path work, String name) throws IOException {
        String home = System.getProperty("dittospark.home");
        if (home != null && Files.isRegularFile(Path.of(home, "samples", name))) {
            return Path.of(home, "samples", name);
        }
        Path copy = work.resolve(name);
        try (InputStream in = ServeBench.class.getResourceAsStream("/dittospark/samples/" + name)) {
            if (in == null) {
                throw new IOException("no sample " + name + " in this build");
            }
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    /** The bench's client: submits over HTTP, hears video_ready and segments over the WebSocket, by arrival time. */
    private static final class Client implements WebSocket.Listener, AutoCloseable {
        private final HttpClient http = HttpClient.newHttpClient();
        private final URI base;
        private final Map<String, CompletableFuture<Long>> ready = new ConcurrentHashMap<>();
        private final Map<String, Long> firstSegment = new ConcurrentHashMap<>();
        private final CompletableFuture<String> welcome = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private final WebSocket socket;

        Client(URI base) throws Exception {
            this.base = base;
            this.socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://" + base.getAuthority() + "/ws"), this)
                    .get(30, TimeUnit.SECONDS);
            welcome.get(30, TimeUnit.SECONDS);
        }

        String submit() throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/renders"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"audio\": \"reply.wav\", \"client\": \"" + welcome.get() + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 202) {
                throw new IllegalStateException("the server refused a reply: " + r.statusCode() + " " + r.body());
            }
            String id = JsonReplies.JSON.readTree(r.body()).path("id").asText();
            ready.computeIfAbsent(id, k -> new CompletableFuture<>());
            return id;
        }

        long awaitReady(String id) throws Exception {
            return ready.computeIfAbsent(id, k -> new CompletableFuture<>()).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                try {
                    JsonNode e = JsonReplies.JSON.readTree(partial.toString());
                    String id = e.path("data").path("id").asText();
                    switch (e.path("type").asText()) {
                        case "welcome" -> welcome.complete(e.path("data").path("client").asText());
                        case "segment" -> firstSegment.putIfAbsent(id, now);
                        case "video_ready" -> ready.computeIfAbsent(id, k -> new CompletableFuture<>()).complete(now);
                        case "render_failed" -> ready.computeIfAbsent(id, k -> new CompletableFuture<>())
                                .completeExceptionally(new IllegalStateException("reply failed: " + e.path("data")));
                        default -> { }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
