package dittospark.runtime;

import dittospark.files.LocalFiles;
import dittospark.files.ScratchSpace;
import dittospark.files.StagedFile;
import dittospark.onnx.BatchAxis;
import dittospark.onnx.GraphComposer;
import dittospark.onnx.proto.ModelProto;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Model files rewritten to take several frames per call ({@link BatchAxis#batched}), written once per
 * user and source file into the scratch space (named by the source's hash), so that ONNX Runtime loads
 * an ordinary file.
 */
final class BatchedModels {
    private BatchedModels() {
    }

    /** Why the model in {@code source} cannot run several frames per call; empty when it can. */
    static Optional<String> whyNot(Path source) throws IOException {
        return BatchAxis.whyNot(GraphComposer.read(source));
    }

    /**
     * The batched rewrite of {@code source} for the model of {@code role}, written on first use.
     *
     * @throws IllegalArgumentException when {@link #whyNot} gives a reason
     */
    static Path file(String role, Path source) throws IOException {
        String name = role + "-" + LocalFiles.sha256Hex(source).substring(0, 16) + ".onnx";
        Path target = ScratchSpace.shared("batched").resolve(name);
        if (Files.isRegularFile(target)) {
            return target;
        }
        ModelProto batched = BatchAxis.batched(GraphComposer.read(source));
        try (StagedFile staged = StagedFile.beside(target)) {
            try (OutputStream out = Files.newOutputStream(staged.path())) {
                batched.writeTo(out);
            }
            staged.publish();
        }
        return target;
    }
}
