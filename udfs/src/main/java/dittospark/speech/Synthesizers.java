package dittospark.speech;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The synthesizer a deployment chose: a class implementing {@link SpeechSynthesizer} with a public
 * no-argument constructor, named by the setting {@link #SETTING}; espeak-ng where none is named. One
 * instance per class and JVM, so that a synthesizer's own caches (voices, clients) serve every row.
 */
public final class Synthesizers {
    /** Hadoop configuration key or system property naming the synthesizer class. */
    public static final String SETTING = "dittospark.speech.synthesizer";

    private static final Map<String, SpeechSynthesizer> INSTANCES = new ConcurrentHashMap<>();

    private Synthesizers() {
    }

    /** The synthesizer of class {@code className}; espeak-ng when it is null or blank. */
    public static SpeechSynthesizer named(String className) throws RenderException {
        String name = className == null || className.isBlank() ? EspeakSynthesizer.class.getName() : className.trim();
        SpeechSynthesizer cached = INSTANCES.get(name);
        if (cached != null) {
            return cached;
        }
        SpeechSynthesizer made = instantiate(name);
        SpeechSynthesizer raced = INSTANCES.putIfAbsent(name, made);
        return raced != null ? raced : made;
    }

    private static SpeechSynthesizer instantiate(String name) throws RenderException {
        Class<?> type;
        try {
            type = Class.forName(name, true, classLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw failure("the speech synthesizer class " + name + " (" + SETTING + ") is not on the class path", e);
        }
        if (!SpeechSynthesizer.class.isAssignableFrom(type)) {
            throw failure("the class " + name + " (" + SETTING + ") does not implement "
                    + SpeechSynthesizer.class.getName(), null);
        }
        try {
            return (SpeechSynthesizer) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw failure("the speech synthesizer " + name + " needs a public constructor without arguments", e);
        } catch (InvocationTargetException e) {
            throw failure("the speech synthesizer " + name + " failed to start: " + e.getCause(), e.getCause());
        }
    }

    /** Spark loads user jars through the thread's loader, not this class's. */
    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Synthesizers.class.getClassLoader();
    }

    private static RenderException failure(String message, Throwable cause) {
        return new RenderException(ErrorKind.SPEECH_FAILED, message, cause);
    }
}
