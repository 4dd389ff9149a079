package dittospark.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dittospark.udf.ResultRow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The results table as CSV (RFC 4180; the stage timings as a JSON object in their cell). */
public final class ResultsCsv {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultsCsv() {
    }

    public static String of(List<ResultRow> rows) {
        StringBuilder out = new StringBuilder(String.join(",", ResultRow.tableColumns())).append("\r\n");
        for (ResultRow r : rows) {
            Object[] cells = {r.id(), r.status(), r.output(), r.errorKind(), r.errorMessage(), r.sourceKind(),
                    r.width(), r.height(), r.frames(), r.audioSeconds(), r.renderSeconds(), r.fps(),
                    json(r.stageSeconds()), r.modelSet(), r.modelHash(), r.provider(), r.encoder(), r.executorId(), r.attempt(),
                    r.outputBytes(), r.outputSha256(), r.startedAt(), r.finishedAt(), r.language()};
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(cell(cells[i]));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String json(Map<String, Double> stages) {
        if (stages == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(new TreeMap<>(stages));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of numbers always serializes", e);
        }
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Instant t ? t.toString() : value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
