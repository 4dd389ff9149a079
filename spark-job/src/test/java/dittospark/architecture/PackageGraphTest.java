package dittospark.architecture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The graph of classes compiled here from tiny sources, each naming another package in one way. */
class PackageGraphTest {
    private static final Map<String, String> SOURCES = Map.of(
            "p/a/A.java", "package p.a; public class A { p.b.B field; }",
            "p/b/B.java", "package p.b; @p.c.Marks(p.a.A.class) public class B { }",
            "p/c/Marks.java", "package p.c; public @interface Marks { Class<?> value(); }",
            "p/d/D.java", "package p.d; public class D { java.util.List<p.a.A> only; }");

    @TempDir
    static Path dir;
    private static Map<String, Set<String>> uses;

    @BeforeAll
    static void compile() throws Exception {
        Path src = dir.resolve("src");
        List<String> args = new ArrayList<>(List.of("-d", dir.resolve("classes").toString()));
        for (Map.Entry<String, String> source : SOURCES.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac exit code").isZero();
        uses = PackageGraph.of("p", List.of(dir.resolve("classes")));
    }

    @Test
    void aFieldTypeIsAUse() {
        assertThat(uses.get("p.a")).as("packages p.a uses").contains("p.b");
    }

    @Test
    void aClassNamedInAnAnnotationIsAUse() {
        assertThat(uses.get("p.b")).as("packages p.b uses").contains("p.a", "p.c");
    }

    @Test
    void aTypeArgumentIsAUse() {
        assertThat(uses.get("p.d")).as("packages p.d uses").contains("p.a");
    }

    @Test
    void aClassListsTheTypesOutsideThePrefixItNames() throws Exception {
        Map<String, Set<String>> classes = PackageGraph.classUses("p", List.of(dir.resolve("classes")));

        assertThat(classes.get("p/d/D")).as("types p.d.D names").contains("java/util/List", "p/a/A");
    }

    @Test
    void onlyPackagesUnderThePrefixAppear() {
        assertThat(uses.keySet()).as("packages read").containsExactlyInAnyOrder("p.a", "p.b", "p.c", "p.d");
        assertThat(uses.get("p.d")).as("packages p.d uses").allMatch(p -> p.startsWith("p."));
    }

    @Test
    void theCycleThroughTheAnnotationIsFound() {
        assertThat(PackageCycles.of(uses)).as("cycles of the compiled packages")
                .containsExactly(List.of("p.a", "p.b", "p.a"));
    }

    @Test
    void anAnnotationTypeUsesNothingItIsPutOn() {
        assertThat(uses.get("p.c")).as("packages p.c uses").doesNotContain("p.a", "p.b");
    }
}
