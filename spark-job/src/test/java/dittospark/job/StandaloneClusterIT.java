package dittospark.job;

import dittospark.udf.ExecutorRendering;
import dittospark.udf.OutputPublisher;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real standalone cluster on loopback, started from the Maven jars: a Master and two Workers as
 * separate JVMs (each Worker offering two GPU addresses through a discovery script), and the job's
 * driver as a third. One executor JVM is killed while the job runs. Skipped locally with
 * {@code -Ddittospark.skipCluster=true} or {@code DITTOSPARK_SKIP_CLUSTER=1}; CI runs it.
 */
@DisabledIfSystemProperty(named = "dittospark.skipCluster", matches = "true")
@DisabledIfEnvironmentVariable(named = "DITTOSPARK_SKIP_CLUSTER", matches = "1|true")
class StandaloneClusterIT {
    private static final Path SAMPLES = Path.of(System.getProperty("samples.dir"));
    private static final int ROWS = 8;

    /** Kept when the test fails: the logs of every JVM of the cluster are in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    private static final List<Process> cluster = new ArrayList<>();
    private static String master;
    private static Path sparkHome;

    @BeforeAll
    static void startCluster() throws Exception {
        sparkHome = sparkHome(dir.resolve("spark-home"));
        Path gpus = Files.writeString(dir.resolve("gpus.sh"),
                "#!/bin/sh\necho '{\"name\": \"gpu\", \"addresses\": [\"0\", \"1\"]}'\n");
        Files.setPosixFilePermissions(gpus, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port = freePort();
        master = "spark://127.0.0.1:" + port;
        cluster.add(start("master", List.of(), "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort())));
        awaitPort(port);
        for (int w = 1; w <= 2; w++) {
            cluster.add(start("worker-" + w, List.of("-Dspark.worker.resource.gpu.amount=2",
                            "-Dspark.worker.resource.gpu.discoveryScript=" + gpus),
                    "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "2", "--memory", "3g",
                    "--webui-port", Integer.toString(freePort()),
                    "--work-dir", Files.createDirectories(dir.resolve("work-" + w)).toString(), master));
        }
    }

    @AfterAll
    static void stopCluster() {
        cluster.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
    }

    /** Rows on the CPU, while Spark still hands each task one of its executor's GPUs. */
    @Test
    void everyRowSucceedsOnceDespiteALostExecutorWithModelsLoadedOncePerExecutor() throws Exception {
        Path out = dir.resolve("out");
        Process driver = driver(out, "cpu");

        ProcessHandle executor = awaitRenderingExecutor(driver, dir.resolve("executor-tmp"));
        assertThat(executor.info().commandLine().orElse("")).as("the process rendering a row")
                .contains("CoarseGrainedExecutorBackend");
        executor.destroyForcibly();
        assertThat(executor.onExit().get(30, TimeUnit.SECONDS).isAlive()).as("the killed executor, alive").isFalse();
        String console = finished(driver, "out");

        assertThat(driver.exitValue()).as("driver exit code; console:\n" + console).isZero();
        List<Row> results = results(out);
        assertThat(results).as("result rows").hasSize(ROWS)
                .allSatisfy(r -> assertThat(r.getString(1)).as("status of " + r.getString(0) + " " + r.getString(4))
                        .isEqualTo("SUCCEEDED"));
        assertThat(results.stream().map(r -> r.getString(0)).collect(Collectors.toSet())).as("distinct ids").hasSize(ROWS);
        assertThat(OutputFolder.names(out)).as("output folder")
                .filteredOn(n -> n.endsWith(".mp4")).hasSize(ROWS);
        assertThat(OutputFolder.names(out)).as("output folder").noneMatch(n -> n.startsWith(OutputPublisher.TEMP_PREFIX));
        assertThat(modelLoads(console)).as("model loads (executor/device)").isNotEmpty().doesNotHaveDuplicates()
                .allMatch(l -> l.matches("\\d+/cpu"), "the CPU");
        assertThat(results).as("provider recorded").allSatisfy(r -> assertThat(r.getString(r.fieldIndex("provider")))
                .as("provider of " + r.getString(0)).isEqualTo("cpu"));
    }

    /**
     * The default device is the GPU Spark gave the task: engines are kept per executor and GPU, and a build
     * without the CUDA provider fails each row as DEVICE_UNAVAILABLE naming its GPU, never a quiet CPU run.
     */
    @Test
    void tasksOnGpusOfACpuBuildFailAsDeviceUnavailableWithAnEnginePerExecutorAndGpu() throws Exception {
        Path out = dir.resolve("out-gpu");
        Process driver = driver(out, "auto");
        String console = finished(driver, "out-gpu");

        assertThat(driver.exitValue()).as("driver exit code (rows failed); console:\n" + console).isEqualTo(3);
        assertThat(results(out)).as("result rows").hasSize(ROWS).allSatisfy(r -> {
            assertThat(r.getString(r.fieldIndex("error_kind"))).as("error kind of " + r.getString(0))
                    .isEqualTo("DEVICE_UNAVAILABLE");
            assertThat(r.getString(r.fieldIndex("error_message"))).as("message of " + r.getString(0))
                    .containsPattern("cuda:[01]");
        });
        List<String> loads = modelLoads(console);
        assertThat(loads).as("engines (executor/device)").doesNotHaveDuplicates()
                .allMatch(l -> l.matches("\\d+/cuda:[01]"), "a GPU device");
        Map<String, Set<String>> devicesByExecutor = loads.stream().collect(Collectors.groupingBy(
                l -> l.substring(0, l.indexOf('/')), Collectors.mapping(l -> l.substring(l.indexOf('/') + 1), Collectors.toSet())));
        assertThat(devicesByExecutor.values()).as("devices per executor that ran two tasks at once")
                .anyMatch(devices -> devices.equals(Set.of("cuda:0", "cuda:1")));
    }

    private static Process driver(Path out, String device) throws IOException {
        return start("driver-" + out.getFileName(), List.of(
                        "-Dspark.executor.cores=2", "-Dspark.executor.memory=2g",
                        "-Dspark.executor.resource.gpu.amount=2", "-Dspark.task.resource.gpu.amount=1",
                        "-Dspark.executor.extraClassPath=" + classFolders(),
                        "-Dspark.executor.extraJavaOptions=" + String.join(" ", SparkJvmFlags.ADD_OPENS) + " -Djava.io.tmpdir="
                                + Files.createDirectories(dir.resolve("executor-tmp")),
                        "-Dspark.driver.host=127.0.0.1", "-Dspark.ui.enabled=false",
                        "-Dspark.task.maxFailures=4", "-D" + ExecutorRendering.DEVICE_CONF + "=" + device),
                "dittospark.cli.Main", "batch", "--manifest", manifest().toString(), "--out", out.toString(),
                "--models", System.getProperty("demo.models.dir"), "--master", master,
                "--partitions", Integer.toString(ROWS));
    }

    private static String finished(Process driver, String name) throws Exception {
        assertThat(driver.waitFor(8, TimeUnit.MINUTES)).as("driver finished within 8 minutes").isTrue();
        return Files.readString(dir.resolve("driver-" + name + ".log"));
    }

    private static List<Row> results(Path out) {
        return TestSpark.session().read().parquet(out.resolve("_results").toString()).collectAsList();
    }

    private static Path manifest() throws IOException {
        Path audio = Wavs.head(SAMPLES.resolve("speech_24k.wav"), 1.0, dir.resolve("speech_1s.wav"));
        StringBuilder csv = new StringBuilder("id,source,audio\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("row-").append(i).append(',').append(SAMPLES.resolve("portrait.png")).append(',').append(audio).append('\n');
        }
        return Files.writeString(dir.resolve("manifest.csv"), csv);
    }

    /**
     * Waits until an executor is rendering a row (a row's work folder exists in its scratch folder, which
     * is named by the executor's process id) and returns that executor. Fails when no executor was seen
     * rendering before the driver ended: the test would otherwise not test a lost executor at all.
     */
    private static ProcessHandle awaitRenderingExecutor(Process driver, Path executorTmp) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        Pattern jvmFolder = Pattern.compile("(\\d+)-.*");
        while (System.currentTimeMillis() < deadline && driver.isAlive()) {
            Path jvms = executorTmp.resolve("dittospark-" + System.getProperty("user.name")).resolve("jvm");
            try (var rows = Files.exists(jvms) ? Files.walk(jvms, 3) : java.util.stream.Stream.<Path>empty()) {
                Optional<ProcessHandle> rendering = rows
                        .filter(p -> p.getFileName().toString().startsWith("row-"))
                        .map(p -> jvmFolder.matcher(jvms.relativize(p).getName(0).toString()))
                        .filter(Matcher::matches)
                        .map(m -> ProcessHandle.of(Long.parseLong(m.group(1))))
                        .flatMap(Optional::stream)
                        .filter(ProcessHandle::isAlive)
                        .findFirst();
                if (rendering.isPresent()) {
                    return rendering.get();
                }
            } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException vanished) {
                // a row's folder went away while being listed; look again
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no executor was seen rendering a row before the driver "
                + (driver.isAlive() ? "had waited 3 minutes" : "ended") + "; see the driver logs in " + dir);
    }

    private static List<String> modelLoads(String console) {
        Matcher m = Pattern.compile("model loads: \\d+ \\[(.*)]").matcher(console);
        assertThat(m.find()).as("model loads line in the console:\n" + console).isTrue();
        return m.group(1).isBlank() ? List.of() : Arrays.asList(m.group(1).split(", "));
    }

    /** A SPARK_HOME whose jars/ links every jar of this test's classpath, as the launcher expects. */
    private static Path sparkHome(Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        Set<String> names = new HashSet<>();
        for (String entry : classPath()) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && names.add(p.getFileName().toString())) {
                Files.createSymbolicLink(jars.resolve(p.getFileName()), p.toAbsolutePath());
            }
        }
        return home;
    }

    private static String classFolders() {
        return classPath().stream().filter(e -> Files.isDirectory(Path.of(e))).collect(Collectors.joining(File.pathSeparator));
    }

    private static List<String> classPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.asList(cp.split(File.pathSeparator));
    }

    private static Process start(String name, List<String> jvmOptions, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", sparkHome.resolve("jars") + "/*" + File.pathSeparator + classFolders()));
        command.addAll(SparkJvmFlags.ADD_OPENS);
        command.addAll(jvmOptions);
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        // the Worker's executor command builder asks for it when it cannot tell from a Spark build
        pb.environment().put("SPARK_SCALA_VERSION", scala.util.Properties.versionNumberString().replaceAll("^(\\d+\\.\\d+).*", "$1"));
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the master did not open port " + port);
    }

    /** The --add-opens list the build writes from the parent pom, as the launcher uses it. */
}
