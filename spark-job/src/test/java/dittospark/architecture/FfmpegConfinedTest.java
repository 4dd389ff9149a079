package dittospark.architecture;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JavaCV and its FFmpeg bindings are named by {@code dittospark.media} alone, so that a change of
 * FFmpeg binding, version or build (GPL or LGPL) touches one package.
 */
class FfmpegConfinedTest {
    private static final String MEDIA = "dittospark.media";
    private static final List<String> FFMPEG = List.of("org/bytedeco/javacv/", "org/bytedeco/ffmpeg/");

    @Test
    void noMainClassOutsideTheMediaPackageNamesAJavaCvOrFfmpegType() throws Exception {
        List<Path> roots = MainClasses.roots();

        Map<String, Set<String>> uses = PackageGraph.classUses("dittospark", roots);

        assertThat(uses).as("classes read from %s", roots).containsKey("dittospark/media/Mp4Writer");
        assertThat(uses.entrySet().stream()
                .filter(type -> !PackageGraph.packageOf(type.getKey()).equals(MEDIA))
                .flatMap(type -> type.getValue().stream().filter(FfmpegConfinedTest::isFfmpeg)
                        .map(name -> type.getKey() + " names " + name)))
                .as("JavaCV and FFmpeg types named outside %s", MEDIA).isEmpty();
    }

    @Test
    void theCheckSeesTheTypesWhereMediaNamesThem() throws Exception {
        Map<String, Set<String>> uses = PackageGraph.classUses(MEDIA, MainClasses.roots());

        assertThat(uses.get("dittospark/media/Mp4Writer")).as("types Mp4Writer names")
                .anyMatch(FfmpegConfinedTest::isFfmpeg);
    }

    private static boolean isFfmpeg(String internalName) {
        return FFMPEG.stream().anyMatch(internalName::startsWith);
    }
}
