package dittospark.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's charts as inline SVG, so the report stays one file that needs neither network nor script.
 * Sizes are fixed in pixels and scaled down by CSS on narrow screens; every mark has a {@code <title>}, which
 * browsers show on hover, so exact values stay one pointer away from the picture.
 */
final class SvgCharts {
    static final int WIDTH = 1040;
    private static final int LABEL = 110;
    private static final int VALUE = 90;
    private static final int ROW = 26;
    private static final String INK = "#3a3f47";
    private static final String GRID = "#e3e6ea";

    private SvgCharts() {
    }

    /** One horizontal bar: its label and the text shown beside it. */
    record Bar(String label, double value, String text) {
    }

    /** One row on the timeline: a bar in its executor's lane from start to end, in its status's colour. */
    record Span(String lane, Instant start, Instant end, String colour, String title) {
    }

    /** A horizontal bar chart, one bar per entry, longest bar to full width. */
    static String bars(String id, String caption, List<Bar> bars, String colour) {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        int plot = WIDTH - LABEL - VALUE;
        int height = bars.size() * ROW + 8;
        StringBuilder s = open(id, caption, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 4 + i * ROW;
            double w = max > 0 ? Math.max(1, b.value() / max * plot) : 0;
            s.append("<text x=\"").append(LABEL - 8).append("\" y=\"").append(y + 17)
                    .append("\" text-anchor=\"end\">").append(Html.esc(b.label())).append("</text>")
                    .append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(num(w)).append("\" height=\"").append(ROW - 6).append("\" rx=\"3\" fill=\"")
                    .append(colour).append("\"><title>").append(Html.esc(b.label() + ": " + b.text()))
                    .append("</title></rect>")
                    .append("<text x=\"").append(num(LABEL + w + 6)).append("\" y=\"").append(y + 17).append("\">")
                    .append(Html.esc(b.text())).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    /** One lane per executor, in the lanes' natural order, with a seconds axis from the first start. */
    static String timeline(String id, String caption, List<Span> spans) {
        Instant t0 = spans.stream().map(Span::start).min(Comparator.naturalOrder()).orElseThrow();
        Instant t1 = spans.stream().map(Span::end).max(Comparator.naturalOrder()).orElseThrow();
        double total = Math.max(seconds(t0, t1), 1e-3);
        Map<String, Integer> lanes = new LinkedHashMap<>();
        spans.stream().map(Span::lane).distinct().sorted(SvgCharts::naturalOrder)
                .forEach(lane -> lanes.put(lane, lanes.size()));
        int plot = WIDTH - LABEL - 20;
        int axis = lanes.size() * ROW + 8;
        StringBuilder s = open(id, caption, axis + 30);
        for (int tick = 0; tick <= 5; tick++) {
            double x = LABEL + plot * tick / 5.0;
            s.append("<line x1=\"").append(num(x)).append("\" x2=\"").append(num(x)).append("\" y1=\"0\" y2=\"")
                    .append(axis).append("\" stroke=\"").append(GRID).append("\"/>")
                    .append("<text x=\"").append(num(x)).append("\" y=\"").append(axis + 18)
                    .append("\" text-anchor=\"middle\">").append(duration(total * tick / 5)).append("</text>");
        }
        lanes.forEach((lane, i) -> s.append("<text x=\"").append(LABEL - 8).append("\" y=\"").append(4 + i * ROW + 17)
                .append("\" text-anchor=\"end\">").append(Html.esc(lane)).append("</text>"));
        for (Span span : spans) {
            double x = LABEL + seconds(t0, span.start()) / total * plot;
            // a row that failed validation takes no time, and still deserves a visible mark
            double w = Math.max(3, seconds(span.start(), span.end()) / total * plot);
            s.append("<rect x=\"").append(num(x)).append("\" y=\"").append(4 + lanes.get(span.lane()) * ROW + 3)
                    .append("\" width=\"").append(num(w)).append("\" height=\"").append(ROW - 6)
                    .append("\" rx=\"2\" fill=\"").append(span.colour()).append("\" stroke=\"#fff\"><title>")
                    .append(Html.esc(span.title())).append("</title></rect>");
        }
        return s.append("</svg>").toString();
    }

    /** Counts of {@code values} in equal bins between their least and greatest, labelled with the bins' bounds. */
    static String histogram(String id, String caption, double[] values, String unit, String colour) {
        double lo = java.util.Arrays.stream(values).min().orElseThrow();
        double hi = java.util.Arrays.stream(values).max().orElseThrow();
        int bins = hi > lo ? Math.min(12, Math.max(2, (int) Math.ceil(Math.sqrt(values.length)) + 1)) : 1;
        double width = hi > lo ? (hi - lo) / bins : 1;
        int[] counts = new int[bins];
        for (double v : values) {
            counts[Math.min(bins - 1, (int) ((v - lo) / width))]++;
        }
        int most = java.util.Arrays.stream(counts).max().orElse(1);
        int top = 24;
        int plotHeight = 150;
        int left = 40;
        double column = (WIDTH - left - 20) / (double) bins;
        StringBuilder s = open(id, caption, top + plotHeight + 44);
        s.append("<line x1=\"").append(left).append("\" x2=\"").append(WIDTH - 20).append("\" y1=\"")
                .append(top + plotHeight).append("\" y2=\"").append(top + plotHeight).append("\" stroke=\"").append(INK)
                .append("\"/>");
        for (int i = 0; i < bins; i++) {
            double h = counts[i] / (double) most * plotHeight;
            double x = left + i * column;
            double from = lo + i * width;
            double to = hi > lo ? from + width : hi;
            String range = hi > lo ? num(from) + "–" + num(to) : num(lo);
            if (counts[i] > 0) {
                s.append("<rect x=\"").append(num(x + 2)).append("\" y=\"").append(num(top + plotHeight - h))
                        .append("\" width=\"").append(num(column - 4)).append("\" height=\"").append(num(h))
                        .append("\" rx=\"2\" fill=\"").append(colour).append("\"><title>")
                        .append(counts[i]).append(counts[i] == 1 ? " row" : " rows").append(" at ").append(range)
                        .append(' ').append(Html.esc(unit)).append("</title></rect>")
                        .append("<text x=\"").append(num(x + column / 2)).append("\" y=\"")
                        .append(num(top + plotHeight - h - 6)).append("\" text-anchor=\"middle\">").append(counts[i])
                        .append("</text>");
            }
            s.append("<text x=\"").append(num(x + (hi > lo ? 0 : column / 2))).append("\" y=\"")
                    .append(top + plotHeight + 18).append("\" text-anchor=\"middle\">")
                    .append(num(hi > lo ? from : lo)).append("</text>");
        }
        if (hi > lo) {
            s.append("<text x=\"").append(WIDTH - 20).append("\" y=\"").append(top + plotHeight + 18)
                    .append("\" text-anchor=\"middle\">").append(num(hi)).append("</text>");
        }
        s.append("<text x=\"").append((WIDTH + left) / 2).append("\" y=\"").append(top + plotHeight + 38)
                .append("\" text-anchor=\"middle\">").append(Html.esc(unit)).append("</text>");
        return s.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String caption, int height) {
        return new StringBuilder().append("<svg id=\"").append(id).append("\" class=\"chart\" role=\"img\" width=\"")
                .append(WIDTH).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" font-size=\"12\" fill=\"").append(INK)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\"><title>").append(Html.esc(caption)).append("</title>");
    }

    /** "exec 2" before "exec 10", which plain string order would not give. */
    private static int naturalOrder(String a, String b) {
        String da = a.replaceAll("\\D", "");
        String db = b.replaceAll("\\D", "");
        if (!da.isEmpty() && !db.isEmpty() && da.length() <= 9 && db.length() <= 9
                && a.replaceAll("\\d", "").equals(b.replaceAll("\\d", ""))) {
            return Integer.compare(Integer.parseInt(da), Integer.parseInt(db));
        }
        return a.compareTo(b);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static String duration(double seconds) {
        return seconds >= 120 ? String.format(Locale.ROOT, "%.1f min", seconds / 60)
                : String.format(Locale.ROOT, "%.1f s", seconds);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
