package dittospark.engine;

import dittospark.media.Samples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Where {@code bench} finds its samples: the checkout's when it runs from one, else the jar's own copies. */
class BenchSamplesTest {
    @TempDir
    Path work;

    private String home;

    @BeforeEach
    void rememberHome() {
        home = System.clearProperty("dittospark.home");
    }

    @AfterEach
    void restoreHome() {
        if (home != null) {
            System.setProperty("dittospark.home", home);
        } else {
            System.clearProperty("dittospark.home");
        }
    }

    @Test
    void aCheckoutsSamplesFolderIsUsedAsItIs(@TempDir Path checkout) throws Exception {
        Path samples = Files.createDirectories(checkout.resolve("samples"));
        for (String name : BenchSamples.FILES) {
            Files.copy(Samples.file(name), samples.resolve(name));
        }
        System.setProperty("dittospark.home", checkout.toString());

        assertThat(BenchSamples.folder(work)).as("samples folder run from a checkout").isEqualTo(samples);
    }

    @Test
    void outsideACheckoutTheBundledSamplesAreUnpackedIntoTheWorkFolder() throws Exception {
        Path folder = BenchSamples.folder(work);

        assertThat(folder).as("samples folder outside a checkout").isEqualTo(work.resolve("samples"));
        for (String name : BenchSamples.FILES) {
            assertThat(Files.mismatch(folder.resolve(name), Samples.file(name)))
                    .as(name + ": first byte that differs from the repository's copy (-1: none)").isEqualTo(-1L);
        }
    }

    @Test
    void aGivenFolderWithoutEverySampleIsRejectedNamingWhatIsMissing(@TempDir Path given) throws Exception {
        Files.copy(Samples.file("portrait.png"), given.resolve("portrait.png"));

        BenchSamples.MissingSamplesException e = catchThrowableOfType(BenchSamples.MissingSamplesException.class,
                () -> BenchSamples.given(given));

        assertThat(e.getMessage()).as("message").isEqualTo("the samples folder " + given
                + " has no portrait_clip_3s.mp4, speech_24k.wav; it needs portrait.png, portrait_clip_3s.mp4, speech_24k.wav");
    }
}
