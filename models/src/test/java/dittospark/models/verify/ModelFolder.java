package dittospark.models.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dittospark.models.ModelContracts;
import dittospark.models.Python3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A model folder for verifier tests: links to a complete set (the demo set the build generates,
 * or tiny interface-only models written by Python's onnx package) in which single files can be
 * deleted, cut or replaced by deliberately broken ones.
 */
public final class ModelFolder {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = "make_models.py";

    private final Path dir;

    private ModelFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /**
     * The complete set to copy: the demo set when the build has made it, else one written into
     * {@code scratch} from the contracts by Python.
     */
    public static Path completeSet(Path scratch) throws IOException {
        String demo = System.getProperty("demo.models.dir");
        if (demo != null && hasEveryModel(Path.of(demo))) {
            return Path.of(demo);
        }
        Path set = scratch.resolve("complete");
        if (!hasEveryModel(set)) {
            Python3.assumeModules("onnx");
            Python3.runScript(ModelFolder.class, SCRIPT, contractsFile(scratch).toString(), set.toString());
        }
        return set;
    }

    private static boolean hasEveryModel(Path dir) {
        return ModelContracts.release().models().stream().allMatch(m -> Files.isRegularFile(dir.resolve(m.file())));
    }

    /** A folder of links to every file of {@code set}, plus a minimal JSON config if the set has none. */
    public static ModelFolder linkedTo(Path set, Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(set)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path link = dir.resolve(set.relativize(file).toString());
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, file.toAbsolutePath());
            }
        }
        ModelFolder folder = new ModelFolder(dir);
        List<String> configs = ModelContracts.release().configFiles();
        if (configs.stream().noneMatch(c -> Files.exists(dir.resolve(c)))) {
            Path config = folder.path(configs.stream().filter(c -> c.endsWith(".json")).findFirst().orElseThrow());
            Files.createDirectories(config.getParent());
            Files.writeString(config, "{\"base_cfg\": {}, \"audio2motion_cfg\": {}, \"default_kwargs\": {}}");
        }
        return folder;
    }

    public Path path(String relative) {
        return dir.resolve(relative);
    }

    Path modelFile(String role) {
        return path(ModelContracts.release().model(role).file());
    }

    /** Removes a file (a link into the complete set, or one written here). */
    public void delete(String relative) throws IOException {
        Files.delete(path(relative));
    }

    /** Replaces a model by its first {@code keep} bytes. */
    void truncate(String role, int keep) throws IOException {
        Path file = modelFile(role);
        byte[] head = Files.readAllBytes(file);
        Files.delete(file);
        Files.write(file, Arrays.copyOf(head, keep));
    }

    /**
     * Replaces a model by one built from its contract after {@code change} edited that contract's
     * JSON (e.g. renamed an input), so the verifier sees a model that breaks the real contract.
     */
    void replaceWithChanged(String role, Consumer<ObjectNode> change, Path scratch) throws IOException {
        Python3.assumeModules("onnx");
        ObjectNode contracts = readContracts();
        ObjectNode model = null;
        for (JsonNode m : contracts.get("models")) {
            if (m.get("role").asText().equals(role)) {
                model = (ObjectNode) m;
            }
        }
        if (model == null) {
            throw new IllegalArgumentException("no contract for " + role);
        }
        change.accept(model);
        ObjectNode one = JSON.createObjectNode();
        one.putArray("models").add(model);
        Path changed = Files.createTempFile(scratch, role, ".json");
        JSON.writeValue(changed.toFile(), one);
        Files.deleteIfExists(modelFile(role));
        Python3.runScript(ModelFolder.class, SCRIPT, changed.toString(), dir.toString());
    }

    /** Writes a model with an operator ONNX Runtime does not know (GridSample3D, domain com.example). */
    void writeCustomOpModel(String relative) throws IOException {
        Python3.assumeModules("onnx");
        Files.deleteIfExists(path(relative));
        Python3.runScript(ModelFolder.class, SCRIPT, "--custom-op", path(relative).toString());
    }

    private static Path contractsFile(Path scratch) throws IOException {
        Path file = scratch.resolve("contracts.json");
        JSON.writeValue(file.toFile(), readContracts());
        return file;
    }

    private static ObjectNode readContracts() throws IOException {
        try (InputStream in = ModelContracts.class.getResourceAsStream("/dittospark/models/contracts.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    /** The first accepted shape of a tensor in a contract's JSON, to edit. */
    static ArrayNode primaryShape(ObjectNode model, String side, String name) {
        return (ArrayNode) tensor(model, side, name).get("shapes").get(0);
    }

    /** The tensor of a contract's JSON with the given name, among inputs or outputs. */
    static ObjectNode tensor(ObjectNode model, String side, String name) {
        for (JsonNode t : model.get(side)) {
            if (t.get("name").asText().equals(name)) {
                return (ObjectNode) t;
            }
        }
        throw new IllegalArgumentException("no " + side + " tensor " + name);
    }
}
