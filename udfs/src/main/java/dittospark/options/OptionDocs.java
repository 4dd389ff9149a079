package dittospark.options;

import java.util.ArrayList;
import java.util.List;

/** The render options as people read them: the README's table and the {@code render --help} list. */
public final class OptionDocs {
    private static final String INDENT = "  ";
    private static final int NAME_WIDTH = 20;

    private OptionDocs() {
    }

    /** The README's table, one row per option. */
    public static String markdownTable() {
        StringBuilder b = new StringBuilder("| option | accepts | default | meaning |\n|---|---|---|---|\n");
        for (Option<?> o : Options.ALL) {
            b.append("| `").append(o.name()).append("` | ").append(o.accepts()).append(" | `").append(o.builtIn())
                    .append("` | ").append(o.doc()).append(" |\n");
        }
        return b.toString();
    }

    /**
     * Each option's name with what it accepts and its built-in default, then its doc, wrapped to
     * {@code width} columns with the continuation lines indented under the text.
     */
    public static List<String> helpLines(int width) {
        List<String> lines = new ArrayList<>();
        String textIndent = " ".repeat(INDENT.length() + NAME_WIDTH + 1);
        for (Option<?> o : Options.ALL) {
            String head = INDENT + String.format("%-" + NAME_WIDTH + "s", o.name()) + " ";
            wrap(head, o.accepts() + "; default " + o.builtIn(), textIndent, width, lines);
            wrap(textIndent, o.doc(), textIndent, width, lines);
        }
        return lines;
    }

    private static void wrap(String first, String text, String indent, int width, List<String> lines) {
        StringBuilder line = new StringBuilder(first);
        int empty = first.length();
        for (String word : text.split(" ")) {
            if (line.length() > empty && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
                empty = indent.length();
            }
            if (line.length() > empty) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
    }
}
