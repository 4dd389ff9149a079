package dittospark.job;

import java.util.Arrays;
import java.util.List;

/** The flags a JVM that runs Spark on Java 17 needs, for tests that start one of their own. */
final class SparkJvmFlags {
    /** Spark reflects into these packages of java.base. */
    static final List<String> ADD_OPENS = Arrays.stream(("java.lang java.lang.invoke java.lang.reflect java.io "
                    + "java.net java.nio java.util java.util.concurrent java.util.concurrent.atomic sun.nio.ch sun.nio.cs "
                    + "sun.security.action sun.util.calendar").split(" "))
            .map(p -> "--add-opens=java.base/" + p + "=ALL-UNNAMED").toList();

    private SparkJvmFlags() {
    }
}
