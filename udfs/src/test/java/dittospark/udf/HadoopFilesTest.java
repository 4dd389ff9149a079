package dittospark.udf;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class HadoopFilesTest {
    private static final String ENDPOINT = "fs.s3a.endpoint";

    @TempDir
    Path dir;

    /** Runs {@code body} where Hadoop finds {@code siteXml} as core-site.xml, as on a configured driver. */
    private <T> T withCoreSite(String siteXml, Supplier<T> body) throws Exception {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("core-site.xml"), siteXml);
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader site = new URLClassLoader(new URL[] {conf.toUri().toURL()}, before)) {
            thread.setContextClassLoader(site);
            return body.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void aSettingOnlyTheDriversSiteFileHoldsIsShipped() throws Exception {
        Map<String, String> shipped = withCoreSite("<configuration><property><name>" + ENDPOINT
                + "</name><value>http://storage.internal:9000</value></property></configuration>",
                () -> HadoopFiles.overrides(new Configuration()));

        assertThat(shipped).as("overrides of a driver whose core-site.xml names the S3 endpoint")
                .containsEntry(ENDPOINT, "http://storage.internal:9000");
    }

    @Test
    void aSettingMadeInCodeIsShipped() {
        Configuration conf = new Configuration();
        conf.set(ENDPOINT, "http://127.0.0.1:9000");

        assertThat(HadoopFiles.overrides(conf)).as("overrides after setting " + ENDPOINT)
                .containsEntry(ENDPOINT, "http://127.0.0.1:9000");
    }

    @Test
    void hadoopsOwnDefaultsAreNotShipped() {
        assertThat(HadoopFiles.overrides(new Configuration())).as("overrides of a configuration of defaults only")
                .isEmpty();
    }

    @Test
    void theExecutorsConfigurationCarriesTheOverrides() {
        Configuration executor = HadoopFiles.configuration(Map.of(ENDPOINT, "http://storage.internal:9000"));

        assertThat(executor.get(ENDPOINT)).as(ENDPOINT + " on the executor").isEqualTo("http://storage.internal:9000");
    }
}
