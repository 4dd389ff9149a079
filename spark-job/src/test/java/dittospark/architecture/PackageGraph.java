package dittospark.architecture;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

/**
 * Which project packages use which, read from compiled classes by the JDK's {@code jdeps}. Compiled
 * classes rather than sources, so that fully qualified names and same-package-looking imports count
 * too; constants the compiler inlined leave no trace, which is the one use this misses.
 */
final class PackageGraph {
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s");

    private PackageGraph() {
    }

    /** The uses among packages under {@code prefix} in the given class folders or jars. */
    static Map<String, Set<String>> of(String prefix, List<Path> classRoots) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new IllegalStateException("this JVM has no jdeps: run the tests on a JDK"));
        List<String> args = new ArrayList<>(List.of("-verbose:package", "-filter:none"));
        classRoots.forEach(root -> args.add(root.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("jdeps " + args + " failed (" + rc + "): " + err + out);
        }
        return parse(prefix, out.toString());
    }

    static Map<String, Set<String>> parse(String prefix, String jdepsOutput) {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (String line : jdepsOutput.split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.find() && inside(prefix, m.group(1))) {
                Set<String> tos = uses.computeIfAbsent(m.group(1), k -> new TreeSet<>());
                if (inside(prefix, m.group(2))) {
                    tos.add(m.group(2));
                }
            }
        }
        return uses;
    }

    private static boolean inside(String prefix, String pkg) {
        return pkg.equals(prefix) || pkg.startsWith(prefix + ".");
    }
}
