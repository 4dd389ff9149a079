package dittospark.runtime;

import dittospark.files.LocalFiles;
import dittospark.files.ScratchSpace;
import dittospark.files.StagedFile;
import dittospark.models.ModelSpec;
import dittospark.onnx.GraphComposer;
import dittospark.onnx.proto.ModelProto;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Models of a set joined into one graph at load time, each model's single output feeding the next
 * model's single input, so that one run takes the first model's inputs and gives the last one's
 * outputs. The composed file is written once per user and member files into the scratch space (named
 * by their hashes), where ONNX Runtime, and the TensorRT engine cache after it, see an ordinary file.
 */
final class ComposedModels {
    private ComposedModels() {
    }

    /** The role of the chain of {@code roles}, e.g. {@code warp_network_ori+decoder}. */
    static String role(List<String> roles) {
        return String.join("+", roles);
    }

    /** The contract of the chain: the first member's inputs, the last member's outputs. */
    static ModelSpec spec(List<ModelSpec> members, Path file) {
        return new ModelSpec(role(members.stream().map(ModelSpec::role).toList()), file.toString(),
                members.get(0).inputs(), members.get(members.size() - 1).outputs(), false, Optional.empty(),
                Optional.empty());
    }

    /**
     * The composed model file of {@code files} (the members' files, in chain order, with their specs),
     * written on first use.
     *
     * @throws IllegalArgumentException when the members cannot be joined (see {@link GraphComposer#chain})
     */
    static Path file(List<ModelSpec> members, List<Path> files) throws IOException {
        MessageDigest sha = LocalFiles.sha256();
        for (Path f : files) {
            sha.update((LocalFiles.sha256Hex(f) + ";").getBytes(StandardCharsets.UTF_8));
        }
        String name = role(members.stream().map(ModelSpec::role).toList()) + "-"
                + HexFormat.of().formatHex(sha.digest()).substring(0, 16) + ".onnx";
        Path target = ScratchSpace.shared("composed").resolve(name);
        if (Files.isRegularFile(target)) {
            return target;
        }
        List<GraphComposer.Part> parts = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            ModelSpec spec = members.get(i);
            if (i > 0 && spec.inputs().size() != 1) {
                throw new IllegalArgumentException(spec.role() + " has " + spec.inputs().size()
                        + " inputs; only a model of one input can follow another in a chain");
            }
            parts.add(new GraphComposer.Part(spec.role(), GraphComposer.read(files.get(i)),
                    i == 0 ? null : spec.inputs().get(0).name()));
        }
        ModelProto composed = GraphComposer.chain(parts);
        try (StagedFile staged = StagedFile.beside(target)) {
            try (OutputStream out = Files.newOutputStream(staged.path())) {
                composed.writeTo(out);
            }
            staged.publish();
        }
        return target;
    }
}
