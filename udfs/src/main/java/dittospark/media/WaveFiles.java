package dittospark.media;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/** Decoded audio written back as 16-bit PCM wave files: silences and cuts of speech for renders and benches. */
public final class WaveFiles {
    private WaveFiles() {
    }

    /** The first {@code seconds} of {@code audio} (all of it where shorter) into {@code target}. */
    public static Path write(DecodedAudio audio, double seconds, Path target) throws IOException {
        int frames = (int) Math.min(audio.frames(), Math.round(seconds * audio.sampleRate()));
        float[] samples = audio.interleaved();
        ByteBuffer pcm = ByteBuffer.allocate(frames * audio.channels() * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames * audio.channels(); i++) {
            pcm.putShort((short) Math.round(Math.max(-1f, Math.min(1f, samples[i])) * 32767));
        }
        AudioFormat format = new AudioFormat(audio.sampleRate(), 16, audio.channels(), true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, target.toFile());
        }
        return target;
    }
}
