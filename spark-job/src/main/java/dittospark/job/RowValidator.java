package dittospark.job;

import dittospark.engine.RenderOptions;
import dittospark.engine.RenderRequest;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.udf.HadoopFiles;
import dittospark.udf.RenderTask;
import dittospark.udf.ResultRow;
import dittospark.udf.Seeds;
import org.apache.hadoop.fs.Path;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks every manifest row and turns it into a render task or a FAILED result: a bad row never stops
 * the job. Relative URIs of inputs resolve against the manifest's folder, relative outputs against the
 * output folder; a path without a scheme is on the default file system.
 */
public final class RowValidator {
    /** No leading dot: the output would be a hidden file, and ".." would name the parent folder. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
    private static final Set<String> SOURCE_TYPES = Set.of("png", "jpg", "jpeg", "webp", "bmp", "mp4", "mov", "mkv", "webm");
    private static final Set<String> AUDIO_TYPES = Set.of("wav", "flac", "mp3", "m4a", "ogg");
    private static final Set<String> OUTPUT_TYPES = Set.of("mp4");

    /** The outcome of validation, each list in manifest order. */
    public record Validated(List<Numbered<RenderTask>> tasks, List<Numbered<ResultRow>> failed) {
    }

    /** A value with the manifest row number it came from. */
    public record Numbered<T>(int number, T value) {
    }

    private final Path manifestFolder;
    private final Path outFolder;
    private final URI defaultFs;

    /** @param manifestFolder and {@code outFolder} fully qualified */
    public RowValidator(Path manifestFolder, Path outFolder, URI defaultFs) {
        this.manifestFolder = manifestFolder;
        this.outFolder = outFolder;
        this.defaultFs = defaultFs;
    }

    public Validated validate(List<ManifestRow> rows) {
        List<Numbered<RenderTask>> tasks = new ArrayList<>();
        List<Numbered<ResultRow>> failed = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> outputs = new HashMap<>();
        for (ManifestRow row : rows) {
            String id = row.get("id");
            String output = null;
            try {
                if (row.unreadable() != null) {
                    throw new RenderException(ErrorKind.BAD_ROW, "row " + row.number() + ": " + row.unreadable());
                }
                checkId(row, id, ids);
                String source = input(row, "source", SOURCE_TYPES);
                String text = row.get("text");
                if (text == null && row.get("audio") == null) {
                    // blank cells read as missing, so a blank text lands here too
                    throw new RenderException(ErrorKind.BAD_ROW, "row " + row.number()
                            + ": the row has no speech (its audio and text are empty); give an audio file or the words to speak");
                }
                if (text != null && row.get("audio") != null) {
                    throw new RenderException(ErrorKind.BAD_ROW, "row " + row.number()
                            + ": give either audio or text, not both");
                }
                String audio = text == null ? input(row, "audio", AUDIO_TYPES) : null;
                output = output(row, id);
                Integer earlier = outputs.putIfAbsent(output, row.number());
                if (earlier != null) {
                    throw new RenderException(ErrorKind.BAD_ROW, "row " + row.number() + ": output " + output
                            + " is also the output of row " + earlier);
                }
                String language = language(row);
                if (text != null && language == null) {
                    throw new RenderException(ErrorKind.BAD_ROW, "row " + row.number()
                            + ": a text row needs a language to choose its voice");
                }
                long seed = seed(row, id);
                String options = row.get("options");
                try {
                    RenderOptions.parse(options);
                } catch (RenderException e) {
                    throw new RenderException(e.kind(), "row " + row.number() + ": " + e.getMessage());
                }
                tasks.add(new Numbered<>(row.number(), new RenderTask(id, source, audio, output, language, seed, options,
                        text, row.get("voice"))));
            } catch (RenderException e) {
                Instant now = Instant.now();
                failed.add(new Numbered<>(row.number(),
                        ResultRow.failed(id, output, e.kind(), e.getMessage(), ResultRow.Place.DRIVER, now, now)
                                .withLanguage(row.get("language"))));
            }
        }
        return new Validated(tasks, failed);
    }

    private static void checkId(ManifestRow row, String id, Map<String, Integer> ids) throws RenderException {
        if (id == null) {
            throw new RenderException(ErrorKind.BAD_ROW, "row " + row.number() + ": the id is missing");
        }
        if (!ID.matcher(id).matches()) {
            throw new RenderException(ErrorKind.BAD_ROW, "row " + row.number() + ": the id '" + id
                    + "' must be 1 to 128 characters of letters, digits, '.', '_' or '-', not starting with '.'");
        }
        Integer first = ids.putIfAbsent(id, row.number());
        if (first != null) {
            throw new RenderException(ErrorKind.BAD_ROW, "row " + row.number() + ": the id '" + id
                    + "' is already used by row " + first);
        }
    }

    private String input(ManifestRow row, String column, Set<String> types) throws RenderException {
        String value = row.get(column);
        if (value == null) {
            throw new RenderException(ErrorKind.BAD_ROW, "row " + row.number() + ": the " + column + " is missing");
        }
        return checked(row, column, resolve(row, column, value, manifestFolder), types);
    }

    private String output(ManifestRow row, String id) throws RenderException {
        String value = row.get("output");
        Path path = value == null ? new Path(outFolder, id + ".mp4") : resolve(row, "output", value, outFolder);
        if (value != null && !new Path(value).isAbsolute() && !isInside(path, outFolder)) {
            throw new RenderException(ErrorKind.BAD_ROW, "row " + row.number() + ": the relative output '" + value
                    + "' leaves the output folder " + outFolder + "; give a path inside it, or an absolute URI");
        }
        Path results = new Path(outFolder, ResultsWriter.TABLE);
        if (isInside(path, results)) {
            throw new RenderException(ErrorKind.BAD_ROW, "row " + row.number() + ": the output " + path
                    + " is inside the results folder " + results + ", which every run rewrites; choose another path");
        }
        return checked(row, "output", path, OUTPUT_TYPES);
    }

    /** Whether {@code path} lies below {@code folder}; both are qualified, and Hadoop paths resolve {@code ..}. */
    private static boolean isInside(Path path, Path folder) {
        URI p = path.toUri();
        URI f = folder.toUri();
        String prefix = f.getPath().endsWith("/") ? f.getPath() : f.getPath() + "/";
        return Objects.equals(p.getScheme(), f.getScheme()) && Objects.equals(p.getAuthority(), f.getAuthority())
                && p.getPath().startsWith(prefix);
    }

    private Path resolve(ManifestRow row, String column, String value, Path base) throws RenderException {
        try {
            Path path = new Path(value);
            return path.isAbsolute() ? path.makeQualified(defaultFs, base) : new Path(base, path);
        } catch (IllegalArgumentException e) {
            throw new RenderException(ErrorKind.BAD_ROW, "row " + row.number() + ": the " + column + " '" + value
                    + "' is not a URI: " + e.getMessage());
        }
    }

    private static String checked(ManifestRow row, String column, Path path, Set<String> types) throws RenderException {
        String scheme = path.toUri().getScheme();
        if (!HadoopFiles.SCHEMES.contains(scheme)) {
            throw new RenderException(ErrorKind.UNSUPPORTED_URI, "row " + row.number() + ": the " + column + " "
                    + path + " has the scheme '" + scheme + "'; supported: " + String.join(", ", sorted(HadoopFiles.SCHEMES)));
        }
        String name = path.getName();
        String type = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!types.contains(type)) {
            throw new RenderException(ErrorKind.UNSUPPORTED_URI, "row " + row.number() + ": the " + column + " "
                    + path + " is not one of the file types " + String.join(", ", sorted(types)));
        }
        return path.toString();
    }

    private static String language(ManifestRow row) throws RenderException {
        String value = row.get("language");
        if (value != null && !LANGUAGE.matcher(value).matches()) {
            throw new RenderException(ErrorKind.BAD_ROW, "row " + row.number() + ": the language '" + value
                    + "' is not a BCP-47 tag");
        }
        return value;
    }

    private static long seed(ManifestRow row, String id) throws RenderException {
        String value = row.get("seed");
        if (value == null) {
            return Seeds.fromId(id);
        }
        try {
            long seed = Long.parseLong(value);
            if (seed >= 0 && seed <= RenderRequest.MAX_SEED) {
                return seed;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new RenderException(ErrorKind.BAD_ROW, "row " + row.number() + ": the seed '" + value
                + "' must be an integer in [0, " + RenderRequest.MAX_SEED + "]");
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
