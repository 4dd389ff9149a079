package dittospark.job;

import dittospark.udf.ResultRow;
import dittospark.udf.RowStatus;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The run's report: one self-contained HTML file, with no script and nothing fetched, that shows the run at a
 * glance (counts, the videos as a contact sheet, charts of where the time went) and keeps the detail below
 * (failures by kind, earlier runs, every row). Its links to the videos are relative to its own folder.
 */
public final class Report {
    /** The engine's stages in the order a frame goes through them. */
    static final List<String> PIPELINE = List.of("audio", "register", "features", "motion", "source", "stitch", "warp", "decode",
            "putback", "encode");

    private static final Map<RowStatus, String> COLOURS = Map.of(RowStatus.SUCCEEDED, "#2e8540",
            RowStatus.FAILED, "#c62828", RowStatus.SKIPPED, "#9aa0a6");
    private static final String STAGE_COLOUR = "#3b6fd4";
    private static final String FPS_COLOUR = "#7a4fd1";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    // scoped under .ds-report: the quickstart notebook displays the report inside its own page
    private static final String STYLE = """
            .ds-report{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#22262c;max-width:1100px;margin:0 auto;padding:24px}
            .ds-report h1{font-size:26px;margin:0 0 4px}.ds-report h2{font-size:19px;margin:36px 0 10px;border-bottom:1px solid #e3e6ea;padding-bottom:4px}
            .ds-report h3{font-size:15px;margin:14px 0 6px}.ds-report .sub{color:#5f6670;margin:0}
            .ds-report .note{color:#5f6670}.ds-report .chart{max-width:100%;height:auto;display:block}
            .ds-report .tiles{display:flex;flex-wrap:wrap;gap:12px;margin:18px 0 8px}
            .ds-report .tile{flex:1 1 120px;background:#f5f7fa;border-radius:10px;padding:10px 14px;border-top:4px solid #c9ced6}
            .ds-report .tile b{display:block;font-size:28px;line-height:1.2}.ds-report .tile span{color:#5f6670;font-size:13px}
            .ds-report .tile.SUCCEEDED{border-color:#2e8540}.ds-report .tile.FAILED{border-color:#c62828}.ds-report .tile.SKIPPED{border-color:#9aa0a6}
            .ds-report .split{display:flex;height:10px;border-radius:5px;overflow:hidden;background:#e3e6ea;margin:4px 0}
            .ds-report .split i{display:block}.ds-report .split .SUCCEEDED{background:#2e8540}
            .ds-report .split .FAILED{background:#c62828}.ds-report .split .SKIPPED{background:#9aa0a6}
            .ds-report .badge{display:inline-block;border-radius:9px;padding:0 8px;font-size:12px;color:#fff;background:#9aa0a6}
            .ds-report .badge.SUCCEEDED{background:#2e8540}.ds-report .badge.FAILED{background:#c62828}
            .ds-report .sheet{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:14px}
            .ds-report figure{margin:0;background:#f5f7fa;border-radius:10px;overflow:hidden}
            .ds-report figure a.thumb{display:flex;align-items:center;justify-content:center;aspect-ratio:1;background:#dfe3e8;color:#5f6670;text-decoration:none;font-size:32px}
            .ds-report figure img{width:100%;height:100%;object-fit:cover;display:block}
            .ds-report figcaption{padding:6px 10px;font-size:13px;overflow-wrap:anywhere}
            .ds-report table{border-collapse:collapse;width:100%;font-size:13px}
            .ds-report td,.ds-report th{border-bottom:1px solid #e3e6ea;padding:5px 8px;text-align:left;vertical-align:top}
            .ds-report th{color:#5f6670;font-weight:600}.ds-report td.n{text-align:right;font-variant-numeric:tabular-nums}
            .ds-report tr.current td{background:#eef3fd}.ds-report dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}
            .ds-report dt{color:#5f6670}.ds-report dd{margin:0;overflow-wrap:anywhere}
            .ds-report .kind{border-left:4px solid #c62828;padding:2px 0 2px 12px;margin:12px 0}
            .ds-report .kind li{margin:3px 0}.ds-report code{background:#f5f7fa;padding:0 4px;border-radius:4px}
            .ds-report .legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 12px}
            """;

    private Report() {
    }

    /**
     * @param rows     the current state of the output folder: this run's rows and those earlier runs made
     * @param pastRuns runs of the same output folder to list, this one included, in any order
     */
    public static String html(RunSummary s, List<ResultRow> rows, List<RunRecord> pastRuns) {
        VideoLinks links = new VideoLinks(s.out());
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>dittospark run ").append(Html.esc(s.runId())).append("</title>\n<style>").append(STYLE)
                .append("</style></head><body>\n<main class=\"ds-report\">\n");
        header(h, s);
        contactSheet(h, rows, links);
        stages(h, rows);
        timeline(h, rows.stream().filter(r -> r.runId() == null || r.runId().equals(s.runId())).toList());
        fpsHistogram(h, rows);
        failures(h, rows);
        pastRuns(h, s, pastRuns);
        details(h, s);
        allRows(h, rows, links);
        return h.append("</main>\n</body></html>\n").toString();
    }

    private static void header(StringBuilder h, RunSummary s) {
        h.append("<h1>dittospark run <code>").append(Html.esc(s.runId())).append("</code></h1>\n<p class=\"sub\">")
                .append(TIME.format(s.started())).append(" → ").append(TIME.format(s.finished())).append(" · took ")
                .append(duration(Duration.between(s.started(), s.finished()))).append(" · ")
                .append(Html.esc(s.master())).append("</p>\n<div class=\"tiles\" id=\"summary\">");
        tile(h, "", Integer.toString(s.rows()), "rows");
        tile(h, "SUCCEEDED", Integer.toString(s.succeeded()), "succeeded");
        tile(h, "FAILED", Integer.toString(s.failed()), "failed");
        tile(h, "SKIPPED", Integer.toString(s.skipped()), "skipped (already there)");
        tile(h, "", Long.toString(s.framesRendered()), "frames rendered");
        tile(h, "", num(s.fps()), "frames per second of wall time");
        h.append("</div>\n");
        split(h, s.rows(), s.succeeded(), s.failed(), s.skipped());
    }

    private static void tile(StringBuilder h, String status, String value, String label) {
        h.append("<div class=\"tile ").append(status).append("\"><b>").append(value).append("</b><span>")
                .append(label).append("</span></div>");
    }

    /** A bar split in the shares of succeeded, failed and skipped rows. */
    private static void split(StringBuilder h, int rows, int succeeded, int failed, int skipped) {
        h.append("<div class=\"split\">");
        if (rows > 0) {
            int[] counts = {succeeded, failed, skipped};
            String[] names = {"SUCCEEDED", "FAILED", "SKIPPED"};
            for (int i = 0; i < 3; i++) {
                if (counts[i] > 0) {
                    h.append("<i class=\"").append(names[i]).append("\" style=\"width:")
                            .append(String.format(Locale.ROOT, "%.2f", 100.0 * counts[i] / rows)).append("%\" title=\"")
                            .append(counts[i]).append(' ').append(names[i].toLowerCase(Locale.ROOT)).append("\"></i>");
                }
            }
        }
        h.append("</div>\n");
    }

    /** Every video there is, each thumbnail a link to its video; failed rows have none and are listed below. */
    private static void contactSheet(StringBuilder h, List<ResultRow> rows, VideoLinks links) {
        h.append("<h2>Videos</h2>\n");
        List<ResultRow> videos = rows.stream().filter(r -> r.status() != RowStatus.FAILED && r.output() != null).toList();
        if (videos.isEmpty()) {
            h.append("<p class=\"note\" id=\"contact-sheet\">No videos: no row rendered or kept one.</p>\n");
            return;
        }
        h.append("<div class=\"sheet\" id=\"contact-sheet\">");
        for (ResultRow r : videos) {
            String href = Html.esc(links.href(r.output()));
            h.append("<figure><a class=\"thumb\" href=\"").append(href).append("\" title=\"")
                    .append(Html.esc(r.output())).append("\">");
            if (r.thumbnail() != null) {
                h.append("<img alt=\"").append(Html.esc(r.id())).append("\" src=\"data:image/jpeg;base64,")
                        .append(r.thumbnail()).append("\">");
            } else {
                h.append("▶");
            }
            h.append("</a><figcaption><span class=\"badge ").append(r.status()).append("\">")
                    .append(r.status().name().toLowerCase(Locale.ROOT)).append("</span> <a href=\"").append(href)
                    .append("\">").append(Html.esc(r.id())).append("</a>");
            if (r.frames() != null) {
                h.append("<br>").append(r.frames()).append(" frames");
                if (r.fps() != null) {
                    h.append(" · ").append(num(r.fps())).append(" fps");
                }
            }
            h.append("</figcaption></figure>");
        }
        h.append("</div>\n");
    }

    /** Milliseconds per frame of each stage over all rendered rows, which compares runs of any length. */
    private static void stages(StringBuilder h, List<ResultRow> rows) {
        h.append("<h2>Time per frame, by pipeline stage</h2>\n");
        Map<String, Double> seconds = new LinkedHashMap<>();
        long frames = 0;
        for (ResultRow r : rows) {
            if (r.stageSeconds() != null && r.frames() != null && r.frames() > 0) {
                r.stageSeconds().forEach((stage, sec) -> seconds.merge(stage, sec, Double::sum));
                frames += r.frames();
            }
        }
        if (frames == 0) {
            h.append("<p class=\"note\">No stage timings: no row was rendered.</p>\n");
            return;
        }
        List<String> order = new ArrayList<>(PIPELINE);
        // a stage the engine gains later still shows, after the known ones
        order.addAll(new TreeSet<>(seconds.keySet()).stream().filter(stage -> !PIPELINE.contains(stage)).toList());
        List<SvgCharts.Bar> bars = new ArrayList<>();
        double total = 0;
        for (String stage : order) {
            if (seconds.containsKey(stage)) {
                double ms = seconds.get(stage) / frames * 1000;
                total += ms;
                bars.add(new SvgCharts.Bar(stage, ms, num(ms) + " ms"));
            }
        }
        h.append(SvgCharts.bars("stage-chart", "milliseconds per frame by stage", bars, STAGE_COLOUR))
                .append("\n<p class=\"note\">").append(num(total)).append(" ms per frame over ").append(frames)
                .append(" frames in all; the stages run on their own threads and overlap, so a frame takes less wall time than this sum.</p>\n");
    }

    /** Where each executor spent the run: gaps show idle executors, long bars the rows that held the run up. */
    private static void timeline(StringBuilder h, List<ResultRow> rows) {
        h.append("<h2>Rows over time, by executor</h2>\n");
        List<SvgCharts.Span> spans = rows.stream().filter(r -> r.startedAt() != null && r.finishedAt() != null)
                .map(r -> new SvgCharts.Span(r.executorId() == null ? "unknown" : r.executorId(), r.startedAt(),
                        r.finishedAt(), COLOURS.get(r.status()), r.id() + " · " + r.status() + " · "
                        + duration(Duration.between(r.startedAt(), r.finishedAt()))))
                .toList();
        if (spans.isEmpty()) {
            h.append("<p class=\"note\">No row has start and end times.</p>\n");
            return;
        }
        h.append(SvgCharts.timeline("timeline", "rows by executor over the run", spans)).append("\n<p class=\"legend note\">");
        COLOURS.keySet().stream().sorted().forEach(status -> h.append("<i style=\"background:")
                .append(COLOURS.get(status)).append("\"></i>").append(status.name().toLowerCase(Locale.ROOT)));
        h.append(" · one lane per executor; a row the driver turned down appears in the driver's lane.</p>\n");
    }

    private static void fpsHistogram(StringBuilder h, List<ResultRow> rows) {
        h.append("<h2>Render speed of the rows</h2>\n");
        double[] fps = rows.stream().map(ResultRow::fps).filter(Objects::nonNull).mapToDouble(Double::doubleValue)
                .toArray();
        if (fps.length == 0) {
            h.append("<p class=\"note\">No render speeds: no row was rendered.</p>\n");
            return;
        }
        h.append(SvgCharts.histogram("fps-histogram", "rows by frames per second", fps, "frames per second",
                FPS_COLOUR)).append("\n");
    }

    private static void failures(StringBuilder h, List<ResultRow> rows) {
        h.append("<h2>Failures</h2>\n<div id=\"failures\">");
        Map<String, List<ResultRow>> byKind = rows.stream().filter(r -> r.status() == RowStatus.FAILED)
                .collect(Collectors.groupingBy(r -> r.errorKind() == null ? "UNKNOWN" : r.errorKind().name(),
                        TreeMap::new, Collectors.toList()));
        if (byKind.isEmpty()) {
            h.append("<p class=\"note\">No failures.</p>");
        }
        byKind.forEach((kind, failed) -> {
            h.append("<div class=\"kind\" data-kind=\"").append(Html.esc(kind)).append("\"><h3>").append(Html.esc(kind))
                    .append(" · ").append(failed.size()).append(failed.size() == 1 ? " row" : " rows").append("</h3><ul>");
            failed.forEach(r -> h.append("<li><code>").append(Html.esc(r.id())).append("</code> ")
                    .append(Html.esc(r.errorMessage())).append("</li>"));
            h.append("</ul></div>");
        });
        h.append("</div>\n");
    }

    private static void pastRuns(StringBuilder h, RunSummary s, List<RunRecord> runs) {
        h.append("<h2>Runs of this folder</h2>\n");
        if (runs.isEmpty()) {
            h.append("<p class=\"note\" id=\"past-runs\">No runs recorded.</p>\n");
            return;
        }
        h.append("<table id=\"past-runs\"><tr><th>run</th><th>started</th><th>took</th><th>rows</th>")
                .append("<th>succeeded</th><th>failed</th><th>skipped</th><th style=\"width:20%\"></th></tr>");
        runs.stream().sorted((a, b) -> b.started().compareTo(a.started())).forEach(r -> {
            h.append("<tr").append(r.runId().equals(s.runId()) ? " class=\"current\"" : "").append("><td><code>")
                    .append(Html.esc(r.runId())).append("</code></td><td>").append(TIME.format(r.started()))
                    .append("</td><td>").append(duration(r.duration())).append("</td><td class=\"n\">").append(r.rows())
                    .append("</td><td class=\"n\">").append(r.succeeded()).append("</td><td class=\"n\">")
                    .append(r.failed()).append("</td><td class=\"n\">").append(r.skipped()).append("</td><td>");
            split(h, r.rows(), r.succeeded(), r.failed(), r.skipped());
            h.append("</td></tr>");
        });
        h.append("</table>\n");
    }

    private static void details(StringBuilder h, RunSummary s) {
        h.append("<h2>Run</h2>\n<dl id=\"run\">");
        item(h, "manifest", Html.esc(s.manifest()));
        item(h, "output folder", Html.esc(s.out()));
        item(h, "models", Html.esc(s.models()));
        item(h, "master", Html.esc(s.master()));
        item(h, "partitions", Integer.toString(s.partitions()));
        item(h, "model loads", modelLoads(s.modelLoads()));
        item(h, "job phases", s.phaseSeconds().entrySet().stream()
                .map(e -> Html.esc(e.getKey()) + " " + num(e.getValue()) + " s").collect(Collectors.joining(" · ")));
        h.append("</dl>\n");
    }

    /** "2 loads: executor 1 on cpu ×2, executor 2 on cuda" from entries such as "1/cpu". */
    static String modelLoads(List<String> loads) {
        if (loads.isEmpty()) {
            return "none: no executor rendered a row";
        }
        Map<String, Integer> counts = new TreeMap<>();
        loads.forEach(load -> counts.merge(load, 1, Integer::sum));
        return loads.size() + (loads.size() == 1 ? " load: " : " loads: ") + counts.entrySet().stream().map(e -> {
            String load = e.getKey();
            int slash = load.indexOf('/');
            String where = slash < 0 ? load : "executor " + load.substring(0, slash) + " on " + load.substring(slash + 1);
            return Html.esc(where) + (e.getValue() > 1 ? " ×" + e.getValue() : "");
        }).collect(Collectors.joining(", "));
    }

    private static void item(StringBuilder h, String term, String html) {
        h.append("<dt>").append(term).append("</dt><dd>").append(html).append("</dd>");
    }

    private static void allRows(StringBuilder h, List<ResultRow> rows, VideoLinks links) {
        h.append("<h2>Rows</h2>\n");
        if (rows.isEmpty()) {
            h.append("<p class=\"note\" id=\"rows\">The manifest has no rows.</p>\n");
            return;
        }
        h.append("<table id=\"rows\"><tr><th>id</th><th>status</th><th>video</th><th>frames</th><th>fps</th>")
                .append("<th>render s</th><th>provider</th><th>executor</th><th>started</th><th>error</th></tr>");
        for (ResultRow r : rows) {
            h.append("<tr><td>").append(Html.esc(r.id())).append("</td><td><span class=\"badge ").append(r.status())
                    .append("\">").append(r.status()).append("</span></td><td>");
            if (r.status() != RowStatus.FAILED && r.output() != null) {
                h.append("<a href=\"").append(Html.esc(links.href(r.output()))).append("\">")
                        .append(Html.esc(new org.apache.hadoop.fs.Path(r.output()).getName())).append("</a>");
            }
            h.append("</td><td class=\"n\">").append(r.frames() == null ? "" : r.frames()).append("</td><td class=\"n\">")
                    .append(r.fps() == null ? "" : num(r.fps())).append("</td><td class=\"n\">")
                    .append(r.renderSeconds() == null ? "" : num(r.renderSeconds())).append("</td><td>")
                    .append(Html.esc(r.provider())).append("</td><td>").append(Html.esc(r.executorId())).append("</td><td>")
                    .append(r.startedAt() == null ? "" : CLOCK.format(r.startedAt())).append("</td><td>")
                    .append(r.errorKind() == null ? "" : r.errorKind().name()).append("</td></tr>");
        }
        h.append("</table>\n");
    }

    /** "850 ms", "12.3 s", "4 min 05 s", "1 h 02 min". */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = d.toSeconds();
        return s < 3600 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
