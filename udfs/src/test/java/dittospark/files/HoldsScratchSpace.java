package dittospark.files;

import java.nio.file.Files;

/** A JVM that takes its scratch folder, leaves a file in it, says where, and waits to be killed. */
public final class HoldsScratchSpace {
    private HoldsScratchSpace() {
    }

    public static void main(String[] args) throws Exception {
        java.nio.file.Path task = ScratchSpace.newFolder("task-");
        Files.write(task.resolve("partial.mp4"), new byte[1 << 20]);
        System.out.println(ScratchSpace.ownFolder());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
