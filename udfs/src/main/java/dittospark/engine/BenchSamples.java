package dittospark.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The sample media {@code bench} renders when no folder is given: the checkout's {@code samples/} when
 * run from one (the launcher names the checkout in {@code dittospark.home}), else the copies this jar
 * carries, unpacked into the bench's own folder because the decoders read files, not streams.
 */
final class BenchSamples {
    static final List<String> FILES = List.of("portrait.png", "portrait_clip_3s.mp4", "speech_24k.wav");
    private static final String BUNDLED = "/dittospark/samples/";

    /** What the bench cannot run without, said in one line for the console. */
    static final class MissingSamplesException extends Exception {
        MissingSamplesException(String message) {
            super(message);
        }
    }

    private BenchSamples() {
    }

    /** The folder the user named, once it is known to hold every sample. */
    static Path given(Path folder) throws MissingSamplesException {
        List<String> missing = FILES.stream().filter(name -> !Files.isRegularFile(folder.resolve(name))).toList();
        if (!missing.isEmpty()) {
            throw new MissingSamplesException("the samples folder " + folder + " has no " + String.join(", ", missing)
                    + "; it needs " + String.join(", ", FILES));
        }
        return folder;
    }

    static Path folder(Path work) throws IOException, MissingSamplesException {
        String home = System.getProperty("dittospark.home");
        if (home != null) {
            Path checkout = Path.of(home, "samples");
            if (FILES.stream().allMatch(name -> Files.isRegularFile(checkout.resolve(name)))) {
                return checkout;
            }
        }
        return unpack(Files.createDirectories(work.resolve("samples")));
    }

    private static Path unpack(Path target) throws IOException, MissingSamplesException {
        for (String name : FILES) {
            try (InputStream in = BenchSamples.class.getResourceAsStream(BUNDLED + name)) {
                if (in == null) {
                    throw new MissingSamplesException("the sample " + name + " is not bundled in this build; "
                            + "pass --samples DIR with " + String.join(", ", FILES));
                }
                Files.copy(in, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }
}
