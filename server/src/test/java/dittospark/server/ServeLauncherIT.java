package dittospark.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bin/dittospark serve} of the built tree, in its own JVM from the server's own classpath. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeLauncherIT {
    private static final Pattern SERVING = Pattern.compile("dittospark serve: (http://\\S+)/ ");

    private Process process;
    private Api api;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        Path root = Path.of(System.getProperty("dittospark.root"));
        ProcessBuilder pb = new ProcessBuilder(List.of(root.resolve("bin/dittospark").toString(), "serve", "--port", "0",
                "--models", System.getProperty("demo.models.dir"), "--work", work.toString(), "--idle-seconds", "1",
                "--option", "max_size=160", "--option", "sampling_timesteps=4")).redirectErrorStream(true);
        pb.environment().put("DITTOSPARK_SKIP_BUILD", "1");
        pb.environment().put("DITTOSPARK_JAVA_OPTS", "-Xmx2g");
        process = pb.start();
        CompletableFuture<URI> address = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                        address.complete(URI.create(m.group(1)));
                    }
                }
                address.completeExceptionally(new AssertionError("serve ended without serving"));
            } catch (Exception e) {
                address.completeExceptionally(e);
            }
        }, "serve-output");
        reader.setDaemon(true);
        reader.start();
        api = new Api(address.get(120, TimeUnit.SECONDS), null);
    }

    @AfterAll
    void stop() throws Exception {
        if (process != null) {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void theLaunchedServerRendersATypedLine() throws Exception {
        String id = api.submit("{\"text\": \"Hello from the launcher.\", \"language\": \"en\"}");

        assertThat(api.awaitEnd(id).path("status").asText()).as("status").isEqualTo("SUCCEEDED");
        assertThat(api.get("/").statusCode()).as("page").isEqualTo(200);
    }

    @Test
    void itBindsToLoopbackByDefault() {
        assertThat(api.uri("/").getHost()).as("host").isEqualTo("127.0.0.1");
    }
}
