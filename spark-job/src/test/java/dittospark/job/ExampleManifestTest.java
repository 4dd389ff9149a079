package dittospark.job;

import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

class ExampleManifestTest {
    private static final java.nio.file.Path EXAMPLE = java.nio.file.Path.of("..", "manifests", "example.csv")
            .toAbsolutePath().normalize();

    @Test
    void everyRowIsValidAndNamesExistingSamples() throws Exception {
        Manifest manifest = ManifestReader.read(TestSpark.session(), EXAMPLE.toString(), ManifestFormat.CSV);

        RowValidator.Validated v = new RowValidator(new Path(EXAMPLE.getParent().toUri()),
                new Path("file:/tmp/example-out"), URI.create("file:///")).validate(manifest.rows());

        assertThat(v.failed()).as("invalid rows").isEmpty();
        assertThat(v.tasks()).as("rows").hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(t -> {
                    assertThat(Files.exists(java.nio.file.Path.of(URI.create(t.value().source()))))
                            .as("source of " + t.value().id() + " exists").isTrue();
                    assertThat(Files.exists(java.nio.file.Path.of(URI.create(t.value().audio()))))
                            .as("audio of " + t.value().id() + " exists").isTrue();
                });
    }
}
