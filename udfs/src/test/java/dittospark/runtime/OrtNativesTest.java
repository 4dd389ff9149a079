package dittospark.runtime;

import dittospark.files.ScratchSpace;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class OrtNativesTest {
    @Test
    void pointsOnnxRuntimeAtItsLibrariesInTheUsersScratchSpace() {
        System.clearProperty(OrtNatives.PATH_PROPERTY);

        OrtNatives.install();

        Path folder = Path.of(System.getProperty(OrtNatives.PATH_PROPERTY));
        assertThat(folder.getParent()).as("parent of the native folder").isEqualTo(ScratchSpace.root().resolve("native"));
        assertThat(folder.resolve("libonnxruntime.so")).as("the runtime library").isRegularFile();
        assertThat(folder.resolve("libonnxruntime4j_jni.so")).as("the JNI library").isRegularFile();
    }

    @Test
    void aSecondInstallReusesTheFolderAndLeavesNoStaging() throws Exception {
        System.clearProperty(OrtNatives.PATH_PROPERTY);
        OrtNatives.install();
        Path first = Path.of(System.getProperty(OrtNatives.PATH_PROPERTY));
        System.clearProperty(OrtNatives.PATH_PROPERTY);

        OrtNatives.install();

        assertThat(Path.of(System.getProperty(OrtNatives.PATH_PROPERTY))).as("folder of a second install").isEqualTo(first);
        try (var folders = Files.list(first.getParent())) {
            // staging folders are hidden siblings of the target
            assertThat(folders.filter(p -> p.getFileName().toString().startsWith(".")))
                    .as("staging folders left").isEmpty();
        }
    }

    @Test
    void aFolderTheUserChoseIsLeftAlone() {
        System.setProperty(OrtNatives.PATH_PROPERTY, "/opt/onnxruntime/lib");
        try {
            OrtNatives.install();

            assertThat(System.getProperty(OrtNatives.PATH_PROPERTY)).as("native path").isEqualTo("/opt/onnxruntime/lib");
        } finally {
            System.clearProperty(OrtNatives.PATH_PROPERTY);
            OrtNatives.install();
        }
    }
}
