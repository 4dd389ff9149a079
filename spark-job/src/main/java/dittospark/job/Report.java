package dittospark.job;

import dittospark.udf.ResultRow;
import dittospark.udf.RowStatus;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run's self-contained HTML report: summary counts, throughput, per-stage timings, failures with
 * their messages, a contact sheet of the outputs (thumbnails inlined as data URIs) and every row.
 */
public final class Report {
    private Report() {
    }

    public static String html(RunSummary s, List<ResultRow> rows) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>dittospark run ")
                .append(esc(s.runId())).append("</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}")
                .append(".SUCCEEDED{color:#176117}.FAILED{color:#a31515}.SKIPPED{color:#666}")
                .append(".sheet{display:flex;flex-wrap:wrap;gap:1em}figure{margin:0;text-align:center}")
                .append("figcaption{font-size:.8em}</style></head><body>\n");
        h.append("<h1>dittospark run ").append(esc(s.runId())).append("</h1>\n");
        table(h, "Run", new String[][]{
                {"manifest", s.manifest()}, {"output folder", s.out()}, {"models", s.models()},
                {"master", s.master()}, {"partitions", Integer.toString(s.partitions())},
                {"model loads", s.modelLoads().size() + " " + s.modelLoads()}});
        h.append("<h2>Summary</h2>\n<table id=\"summary\"><tr><th>rows</th><th>succeeded</th><th>failed</th>")
                .append("<th>skipped</th></tr><tr><td>").append(s.rows()).append("</td><td class=\"SUCCEEDED\">")
                .append(s.succeeded()).append("</td><td class=\"FAILED\">").append(s.failed())
                .append("</td><td class=\"SKIPPED\">").append(s.skipped()).append("</td></tr></table>\n");
        table(h, "Throughput", new String[][]{
                {"frames rendered", Long.toString(s.framesRendered())},
                {"wall time", num(s.wallSeconds()) + " s"},
                {"frames per second", num(s.fps())}});
        phases(h, s.phaseSeconds());
        stages(h, rows);
        failures(h, rows);
        contactSheet(h, rows);
        allRows(h, rows);
        return h.append("</body></html>\n").toString();
    }

    private static void phases(StringBuilder h, Map<String, Double> phases) {
        h.append("<h2>Job phases</h2>\n<table id=\"phases\"><tr><th>phase</th><th>seconds</th></tr>");
        phases.forEach((name, seconds) -> h.append("<tr><td>").append(esc(name)).append("</td><td>")
                .append(num(seconds)).append("</td></tr>"));
        h.append("</table>\n");
    }

    /** Seconds per pipeline stage over the rendered rows: total, and mean per row. */
    private static void stages(StringBuilder h, List<ResultRow> rows) {
        Map<String, double[]> totals = new TreeMap<>();
        for (ResultRow r : rows) {
            if (r.stageSeconds() != null) {
                r.stageSeconds().forEach((stage, sec) -> {
                    double[] t = totals.computeIfAbsent(stage, k -> new double[2]);
                    t[0] += sec;
                    t[1]++;
                });
            }
        }
        h.append("<h2>Pipeline stages</h2>\n<table id=\"stages\"><tr><th>stage</th><th>total s</th>")
                .append("<th>mean s per row</th></tr>");
        totals.forEach((stage, t) -> h.append("<tr><td>").append(esc(stage)).append("</td><td>").append(num(t[0]))
                .append("</td><td>").append(num(t[0] / t[1])).append("</td></tr>"));
        h.append("</table>\n");
    }

    private static void failures(StringBuilder h, List<ResultRow> rows) {
        h.append("<h2>Failures</h2>\n<table id=\"failures\"><tr><th>id</th><th>error kind</th><th>message</th></tr>");
        for (ResultRow r : rows) {
            if (r.status() == RowStatus.FAILED) {
                h.append("<tr><td>").append(esc(r.id())).append("</td><td>").append(r.errorKind())
                        .append("</td><td>").append(esc(r.errorMessage())).append("</td></tr>");
            }
        }
        h.append("</table>\n");
    }

    private static void contactSheet(StringBuilder h, List<ResultRow> rows) {
        h.append("<h2>Contact sheet</h2>\n<div class=\"sheet\" id=\"contact-sheet\">");
        for (ResultRow r : rows) {
            if (r.thumbnail() != null) {
                h.append("<figure><img alt=\"").append(esc(r.id())).append("\" src=\"data:image/jpeg;base64,")
                        .append(r.thumbnail()).append("\"><figcaption>").append(esc(r.id()))
                        .append("</figcaption></figure>");
            }
        }
        h.append("</div>\n");
    }

    private static void allRows(StringBuilder h, List<ResultRow> rows) {
        h.append("<h2>Rows</h2>\n<table id=\"rows\"><tr><th>id</th><th>status</th><th>output</th><th>frames</th>")
                .append("<th>render s</th><th>fps</th><th>provider</th><th>executor</th></tr>");
        for (ResultRow r : rows) {
            h.append("<tr><td>").append(esc(r.id())).append("</td><td class=\"").append(r.status()).append("\">")
                    .append(r.status()).append("</td><td>").append(esc(r.output())).append("</td><td>")
                    .append(r.frames() == null ? "" : r.frames()).append("</td><td>")
                    .append(r.renderSeconds() == null ? "" : num(r.renderSeconds())).append("</td><td>")
                    .append(r.fps() == null ? "" : num(r.fps())).append("</td><td>").append(esc(r.provider()))
                    .append("</td><td>").append(esc(r.executorId())).append("</td></tr>");
        }
        h.append("</table>\n");
    }

    private static void table(StringBuilder h, String title, String[][] pairs) {
        h.append("<h2>").append(esc(title)).append("</h2>\n<table>");
        for (String[] p : pairs) {
            h.append("<tr><th>").append(esc(p[0])).append("</th><td>").append(esc(p[1])).append("</td></tr>");
        }
        h.append("</table>\n");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
