package dittospark.speech;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Speech from espeak-ng (Debian package {@code espeak-ng}), run as a process with its arguments as a
 * list: the text travels in a file, never on a command line, so no text can be read as an option.
 */
public final class EspeakSynthesizer implements SpeechSynthesizer {
    private static final Pattern VOICE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
    private static final long TIMEOUT_SECONDS = 120;

    private final String executable;
    private volatile Set<String> languages;

    public EspeakSynthesizer() {
        this("espeak-ng");
    }

    EspeakSynthesizer(String executable) {
        this.executable = executable;
    }

    @Override
    public Path synthesize(String text, String language, String voice, Path workDir) throws RenderException {
        if (text == null || text.isBlank()) {
            throw new RenderException(ErrorKind.SPEECH_FAILED, "the row's text is empty");
        }
        String espeakVoice = voiceFor(language);
        if (voice != null && !voice.isBlank()) {
            if (!VOICE.matcher(voice).matches()) {
                throw new RenderException(ErrorKind.SPEECH_FAILED, "voice '" + voice
                        + "' is not a voice variant name (letters, digits, _ and -)");
            }
            espeakVoice += "+" + voice;
        }
        try {
            Files.createDirectories(workDir);
            Path textFile = Files.createTempFile(workDir, "speech-", ".txt");
            Path wav = Files.createTempFile(workDir, "speech-", ".wav");
            Files.writeString(textFile, text, StandardCharsets.UTF_8);
            Result r = run(List.of(executable, "-b", "1", "-v", espeakVoice, "-w", wav.toString(),
                    "-f", textFile.toString()));
            Files.deleteIfExists(textFile);
            if (r.exitCode() != 0 || Files.size(wav) <= 44) {
                Files.deleteIfExists(wav);
                throw new RenderException(ErrorKind.SPEECH_FAILED, "espeak-ng could not speak the text in "
                        + language + ": " + (r.output().isBlank() ? "exit code " + r.exitCode() : r.output().strip()));
            }
            return wav;
        } catch (IOException e) {
            throw new RenderException(ErrorKind.SPEECH_FAILED, "cannot synthesize speech: " + e.getMessage(), e);
        }
    }

    /** The espeak-ng voice for a BCP-47 tag: the tag itself, or its primary language. */
    String voiceFor(String language) throws RenderException {
        if (language == null || !TAG.matcher(language).matches()) {
            throw new RenderException(ErrorKind.SPEECH_FAILED, "language '" + language
                    + "' is not a BCP-47 tag such as en, es-419 or pt-BR");
        }
        String tag = language.toLowerCase(Locale.ROOT);
        Set<String> known = languages();
        if (known.contains(tag)) {
            return tag;
        }
        String primary = tag.split("-")[0];
        if (known.contains(primary) || known.stream().anyMatch(l -> l.startsWith(primary + "-"))) {
            return primary;
        }
        throw new RenderException(ErrorKind.SPEECH_FAILED, "no espeak-ng voice speaks language '" + language
                + "' (see `espeak-ng --voices` for the languages it has)");
    }

    private Set<String> languages() throws RenderException {
        if (languages == null) {
            Result r = run(List.of(executable, "--voices"));
            if (r.exitCode() != 0) {
                throw new RenderException(ErrorKind.SPEECH_FAILED, "espeak-ng --voices failed: " + r.output().strip());
            }
            Set<String> found = new TreeSet<>();
            r.output().lines().skip(1).map(String::trim).filter(l -> !l.isEmpty())
                    .map(l -> l.split("\\s+")).filter(cols -> cols.length > 1)
                    .forEach(cols -> found.add(cols[1].toLowerCase(Locale.ROOT)));
            languages = found;
        }
        return languages;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws RenderException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new RenderException(ErrorKind.SPEECH_FAILED, command.get(0) + " did not finish in "
                        + TIMEOUT_SECONDS + " s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RenderException(ErrorKind.SPEECH_FAILED, "cannot run " + command.get(0)
                    + " (install the Debian package espeak-ng): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException(ErrorKind.SPEECH_FAILED, "interrupted while synthesizing speech", e);
        }
    }
}
