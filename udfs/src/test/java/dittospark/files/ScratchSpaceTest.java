package dittospark.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ScratchSpaceTest {
    @TempDir
    Path tmp;

    @Test
    void theFolderOfAJvmKilledWithSigkillIsSweptAndALiveOnesIsKept() throws Exception {
        Process killed = holder();
        Process alive = holder();
        try {
            Path killedFolder = folderOf(killed);
            Path aliveFolder = folderOf(alive);
            killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(killedFolder).as("folder left by the killed JVM").exists();

            int removed = ScratchSpace.sweep(tmp.resolve("dittospark-" + System.getProperty("user.name")).resolve("jvm"));

            assertThat(removed).as("folders swept").isEqualTo(1);
            assertThat(killedFolder).as("folder of the killed JVM after the sweep").doesNotExist();
            assertThat(aliveFolder.resolve("alive.lock")).as("folder of the live JVM after the sweep").exists();
        } finally {
            killed.destroyForcibly();
            alive.destroyForcibly();
        }
    }

    @Test
    void aJvmsOwnFolderIsInsideTheUsersRoot() throws Exception {
        Path own = ScratchSpace.ownFolder();

        assertThat(own.getParent().getParent()).as("root of " + own).isEqualTo(ScratchSpace.root());
        assertThat(ScratchSpace.newFolder("row-").getParent()).as("parent of a new folder").isEqualTo(own);
    }

    private Process holder() throws Exception {
        return new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), HoldsScratchSpace.class.getName()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static Path folderOf(Process holder) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("folder the holder reported").isNotNull();
        Path folder = Path.of(line);
        assertThat(Files.list(folder).count()).as("entries of " + folder).isEqualTo(2);
        return folder;
    }
}
