package dittospark.udf;

import dittospark.engine.LocalModels;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.files.LocalFiles;
import dittospark.models.ModelContracts;
import dittospark.models.ModelSpec;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ModelFolderCacheTest {
    @TempDir
    Path dir;

    @Test
    void usesACompleteLocalFolderInPlace() throws Exception {
        Path folder = fakeModelSet(dir.resolve("models"));

        LocalModels local = new ModelFolderCache(dir.resolve("cache")).local(folder.toString(), new Configuration());

        assertThat(local.folder()).as("folder").isEqualTo(folder);
        assertThat(local.hash()).as("hash").hasSize(64);
        assertThat(dir.resolve("cache")).as("cache folder").doesNotExist();
    }

    @Test
    void namesEveryMissingContractFile() throws Exception {
        Path folder = fakeModelSet(dir.resolve("models"));
        String missing = ModelContracts.release().models().get(0).file();
        Files.delete(folder.resolve(missing));

        RenderException e = catchThrowableOfType(RenderException.class,
                () -> new ModelFolderCache(dir.resolve("cache")).local(folder.toUri().toString(), new Configuration()));

        assertThat(e.kind()).as("error kind").isEqualTo(ErrorKind.MODEL_MISMATCH);
        assertThat(e.getMessage()).as("message").contains(missing);
    }

    @Test
    void saysWhenTheFolderIsMissing() {
        RenderException e = catchThrowableOfType(RenderException.class,
                () -> new ModelFolderCache(dir.resolve("cache")).local(dir.resolve("nowhere").toString(), new Configuration()));

        assertThat(e.getMessage()).as("message").endsWith("nowhere is not a folder");
    }

    @Test
    void theHashFollowsTheContent() throws Exception {
        Path a = fakeModelSet(dir.resolve("a"));
        Path b = fakeModelSet(dir.resolve("b"));
        String first = LocalFiles.folderHash(a);
        Files.writeString(b.resolve(ModelContracts.release().models().get(0).file()), "changed");

        assertThat(LocalFiles.folderHash(b)).as("hash of a changed set").isNotEqualTo(first);
        assertThat(LocalFiles.folderHash(a)).as("hash of the same set").isEqualTo(first);
    }

    /** A folder with every file the contracts name, each holding its own name. */
    static Path fakeModelSet(Path folder) throws IOException {
        for (ModelSpec spec : ModelContracts.release().models()) {
            write(folder.resolve(spec.file()), spec.file());
        }
        write(folder.resolve(ModelContracts.release().configFiles().get(0)), "config");
        return folder;
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
