package dittospark.architecture;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which packages use which, read from the constant pools of compiled classes: every class a class
 * names, in code, signatures or annotation values (which {@code jdeps} does not count). Compiled
 * classes rather than sources, so that fully qualified names count too; only constants the compiler
 * inlined leave no trace.
 */
final class PackageGraph {
    private static final Pattern DESCRIPTOR = Pattern.compile("L([\\w/$]+);");

    private PackageGraph() {
    }

    /** The uses among packages under {@code prefix} in the given class folders or jars. */
    static Map<String, Set<String>> of(String prefix, List<Path> classRoots) throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        classUses(prefix, classRoots).forEach((type, names) -> {
            Set<String> tos = uses.computeIfAbsent(packageOf(type), k -> new TreeSet<>());
            for (String name : names) {
                String to = packageOf(name);
                if (to.equals(prefix) || to.startsWith(prefix + ".")) {
                    tos.add(to);
                }
            }
        });
        return uses;
    }

    /**
     * Every class under {@code prefix} in the given class folders or jars (by internal name), with the
     * internal names of all the classes it names, inside the prefix or not.
     */
    static Map<String, Set<String>> classUses(String prefix, List<Path> classRoots) throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path root : classRoots) {
            if (Files.isDirectory(root)) {
                read(root, prefix, uses);
            } else {
                try (FileSystem jar = FileSystems.newFileSystem(root)) {
                    read(jar.getPath("/"), prefix, uses);
                }
            }
        }
        return uses;
    }

    private static void read(Path root, String prefix, Map<String, Set<String>> uses) throws IOException {
        Path top = root.resolve(prefix.replace('.', '/'));
        if (!Files.isDirectory(top)) {
            return;
        }
        try (Stream<Path> files = Files.walk(top)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String type = root.relativize(file).toString().replace('\\', '/').replaceFirst("\\.class$", "");
                try (InputStream in = Files.newInputStream(file)) {
                    uses.computeIfAbsent(type, k -> new TreeSet<>()).addAll(classNames(in));
                }
            }
        }
    }

    /** The dotted package of an internal class name ({@code a/b/C} is in {@code a.b}). */
    static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash).replace('/', '.');
    }

    /** The internal names of the classes a class file's constant pool mentions. */
    static List<String> classNames(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> classEntries = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classEntries.add(in.readUnsignedShort());
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        List<String> names = new ArrayList<>();
        for (int index : classEntries) {
            String name = utf8[index];
            if (name.startsWith("[")) {
                addDescribed(name, names);
            } else {
                names.add(name);
            }
        }
        for (String text : utf8) {
            if (text != null) {
                addDescribed(text, names);
            }
        }
        return names;
    }

    private static void addDescribed(String descriptor, List<String> names) {
        Matcher m = DESCRIPTOR.matcher(descriptor);
        while (m.find()) {
            names.add(m.group(1));
        }
    }
}
