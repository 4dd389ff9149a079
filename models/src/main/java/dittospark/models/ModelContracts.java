package dittospark.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** The Ditto model contracts, read from {@code contracts.json}: the one place they are stated. */
public final class ModelContracts {
    private static final String RESOURCE = "/dittospark/models/contracts.json";
    private static final ModelContracts RELEASE = load();

    private final Map<String, ModelSpec> models;
    private final List<String> configFiles;
    private final List<String> configKeys;

    private ModelContracts(Map<String, ModelSpec> models, List<String> configFiles, List<String> configKeys) {
        this.models = models;
        this.configFiles = configFiles;
        this.configKeys = configKeys;
    }

    /** The contracts of the Ditto release. */
    public static ModelContracts release() {
        return RELEASE;
    }

    /** Every model, in the order of the contracts file. */
    public List<ModelSpec> models() {
        return List.copyOf(models.values());
    }

    /** The models a render with {@code frontend} opens, in the order of the contracts file. */
    public List<ModelSpec> models(FaceFrontend frontend) {
        return models.values().stream().filter(m -> m.neededBy(frontend)).toList();
    }

    public ModelSpec model(String role) {
        ModelSpec spec = models.get(role);
        if (spec == null) {
            throw new NoSuchElementException("no model contract for role '" + role + "'");
        }
        return spec;
    }

    /** Config files looked for in a model folder, in order of preference. */
    public List<String> configFiles() {
        return configFiles;
    }

    /** Top-level keys every config has. */
    public List<String> configKeys() {
        return configKeys;
    }

    private static ModelContracts load() {
        try (InputStream in = ModelContracts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, ModelSpec> models = new LinkedHashMap<>();
            for (JsonNode m : root.get("models")) {
                Optional<ModelSpec.ReleaseTwin> twin = Optional.ofNullable(m.get("releaseTwin"))
                        .map(t -> new ModelSpec.ReleaseTwin(t.get("file").asText(), t.get("why").asText()));
                ModelSpec spec = new ModelSpec(m.get("role").asText(), m.get("file").asText(),
                        tensors(m.get("inputs")), tensors(m.get("outputs")),
                        m.path("extraOutputs").asBoolean(false), twin,
                        Optional.ofNullable(m.get("faceFrontend")).map(f -> FaceFrontend.of(f.asText())));
                models.put(spec.role(), spec);
            }
            JsonNode config = root.get("config");
            return new ModelContracts(models, strings(config.get("files")), strings(config.get("keys")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static List<TensorSpec> tensors(JsonNode array) {
        List<TensorSpec> out = new ArrayList<>();
        for (JsonNode t : array) {
            List<List<TensorSpec.Dim>> shapes = new ArrayList<>();
            for (JsonNode shape : t.get("shapes")) {
                List<TensorSpec.Dim> dims = new ArrayList<>();
                for (JsonNode d : shape) {
                    dims.add(d.isTextual() ? TensorSpec.Dim.dynamic(d.asText()) : TensorSpec.Dim.fixed(d.asLong()));
                }
                shapes.add(List.copyOf(dims));
            }
            out.add(new TensorSpec(t.get("name").asText(), t.hasNonNull("key") ? t.get("key").asText() : null,
                    t.get("type").asText(), List.copyOf(shapes), t.path("optional").asBoolean(false)));
        }
        return List.copyOf(out);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }
}
