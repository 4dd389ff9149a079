package dittospark.udf;

import dittospark.engine.RenderRequest;
import dittospark.engine.RenderResult;
import dittospark.engine.SpeechPadding;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.options.Options;
import dittospark.speech.Synthesizers;
import dittospark.video.SourceKind;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Text rows through the row renderer, with a synthesizer plugged in by class name and a recording renderer. */
class TextRowsTest {
    private static final ResultRow.Place PLACE = new ResultRow.Place("models", "hash", "cpu", "exec-1", 0);

    @TempDir
    Path dir;

    private final List<RenderRequest> requests = new ArrayList<>();
    private final List<String> audioContents = new ArrayList<>();

    private final RowRenderer.Renderer recording = request -> {
        requests.add(request);
        try {
            audioContents.add(Files.readString(request.audio()));
            Files.writeString(request.output(), "video");
        } catch (IOException e) {
            throw new RenderException(ErrorKind.OUTPUT_FAILED, e.getMessage(), e);
        }
        return new RenderResult(SourceKind.IMAGE, 8, 6, 25, 1.0, 0.5, Map.of(), "cpu", "libx264", 5, "ff00", null);
    };

    @Test
    void rendersTheSpeechOfTheSynthesizerTheSettingNames() throws Exception {
        ResultRow row = renderer(RecordingSynthesizer.class.getName()).render(textTask("a", "Hola.", "es", "f2", null));

        assertThat(row.status()).as("status").isEqualTo(RowStatus.SUCCEEDED);
        assertThat(audioContents).as("audio the renderer got").containsExactly("Hola.|es|f2");
    }

    @Test
    void padsTheSpeechWithSilence() throws Exception {
        renderer(RecordingSynthesizer.class.getName()).render(textTask("a", "Hello.", "en", null, null));

        assertThat(requests.get(0).options().get(Options.AUDIO_PAD_FRONT_S).asDouble()).as("front padding")
                .isEqualTo(SpeechPadding.FRONT_S);
        assertThat(requests.get(0).options().get(Options.AUDIO_PAD_BACK_S).asDouble()).as("back padding")
                .isEqualTo(SpeechPadding.BACK_S);
    }

    @Test
    void aRowsOwnPaddingWins() throws Exception {
        renderer(RecordingSynthesizer.class.getName())
                .render(textTask("a", "Hello.", "en", null, "{\"audio_pad_front_s\": 0}"));

        assertThat(requests.get(0).options().get(Options.AUDIO_PAD_FRONT_S).asDouble()).as("front padding")
                .isZero();
        assertThat(requests.get(0).options().get(Options.AUDIO_PAD_BACK_S).asDouble()).as("back padding")
                .isEqualTo(SpeechPadding.BACK_S);
    }

    @Test
    void audioRowsGetNoPadding() throws Exception {
        Path audio = Files.writeString(dir.resolve("s.wav"), "speech");
        renderer(null).render(new RenderTask("a", source(), audio.toString(), output("a"), "en", 1, null));

        assertThat(requests.get(0).options().has(Options.AUDIO_PAD_FRONT_S)).as("front padding set").isFalse();
    }

    @Test
    void aClassThatIsNoSynthesizerIsASpeechFailure() throws Exception {
        ResultRow row = renderer(String.class.getName()).render(textTask("a", "Hello.", "en", null, null));

        assertThat(row.errorKind()).as("error kind").isEqualTo(ErrorKind.SPEECH_FAILED);
        assertThat(row.errorMessage()).as("message").contains("java.lang.String", Synthesizers.SETTING);
    }

    @Test
    void resultsKeepTheLanguage() throws Exception {
        RowRenderer renderer = renderer(RecordingSynthesizer.class.getName());

        ResultRow succeeded = renderer.render(textTask("a", "Bonjour.", "fr", null, null));
        ResultRow failed = renderer.render(textTask("b", "Bonjour.", "fr", null, "{\"no_such_option\": 1}"));

        assertThat(List.of(succeeded.status(), failed.status())).as("statuses")
                .containsExactly(RowStatus.SUCCEEDED, RowStatus.FAILED);
        assertThat(List.of(succeeded.language(), failed.language())).as("languages").containsExactly("fr", "fr");
    }

    @Test
    void aTextTaskSurvivesTheTrip() throws Exception {
        RenderTask task = textTask("a", "Guten Tag.", "de", "m3", "{\"emo\": 4}");

        assertThat(RenderTask.fromRow(task.toRow())).as("task after a row round trip").isEqualTo(task);
    }

    private RowRenderer renderer(String synthesizer) throws IOException {
        Configuration conf = new Configuration();
        if (synthesizer != null) {
            conf.set(Synthesizers.SETTING, synthesizer);
        }
        return new RowRenderer(recording, conf, Files.createDirectories(dir.resolve("work")), false, "test-run", PLACE, RowRenderer.DEFAULT_DEADLINE);
    }

    private RenderTask textTask(String id, String text, String language, String voice, String options)
            throws IOException {
        return new RenderTask(id, source(), null, output(id), language, 1, options, text, voice);
    }

    private String source() throws IOException {
        Path file = dir.resolve("s.png");
        if (!Files.exists(file)) {
            Files.writeString(file, "picture");
        }
        return file.toString();
    }

    private String output(String id) {
        return dir.resolve("out").resolve(id + ".mp4").toUri().toString();
    }
}
