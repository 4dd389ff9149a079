package dittospark.models;

import java.util.List;
import java.util.Optional;

/**
 * The contract of one model file of the release.
 *
 * @param role         the name the code uses for the model, which is also the file's base name
 * @param file         path relative to the model folder, e.g. {@code ditto_onnx/decoder.onnx}
 * @param extraOutputs whether outputs beyond the listed ones are allowed
 * @param releaseTwin  a release file that must not be used in this one's place, with the reason
 * @param onlyFor      the face front end that alone needs the model; empty when every render does
 */
public record ModelSpec(String role, String file, List<TensorSpec> inputs, List<TensorSpec> outputs,
                        boolean extraOutputs, Optional<ReleaseTwin> releaseTwin, Optional<FaceFrontend> onlyFor) {

    /** Whether a render with {@code frontend} opens this model. */
    public boolean neededBy(FaceFrontend frontend) {
        return onlyFor.map(frontend::equals).orElse(true);
    }

    public TensorSpec input(String name) {
        return inputs.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(role + " has no input " + name));
    }

    public record ReleaseTwin(String file, String why) {
    }
}
