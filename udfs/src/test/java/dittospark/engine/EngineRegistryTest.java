package dittospark.engine;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

// each test has its own registry, so that no order of them shares a loaded engine
@TestMethodOrder(MethodOrderer.Random.class)
class EngineRegistryTest {
    private final Path demo = DemoModels.folder();

    @Test
    void loadsOncePerModelFolderAndDevice() throws Exception {
        try (EngineRegistry registry = new EngineRegistry()) {
            EngineRegistry.Lease first = registry.engine(demo, null, "cpu");
            EngineRegistry.Lease second = registry.engine(demo, null, "cpu");

            assertThat(first.loaded()).as("first lease loaded the engine").isTrue();
            assertThat(second.loaded()).as("second lease loaded the engine").isFalse();
            assertThat(second.engine()).as("engine of the second lease").isSameAs(first.engine());
        }
    }

    @Test
    void anotherDeviceGetsItsOwnEngine() throws Exception {
        try (EngineRegistry registry = new EngineRegistry()) {
            EngineRegistry.Lease cpu = registry.engine(demo, null, "cpu");
            EngineRegistry.Lease gpu = registry.engine(demo, null, "cuda:1");

            assertThat(gpu.loaded()).as("lease on another device loaded an engine").isTrue();
            assertThat(gpu.engine()).as("engine of another device").isNotSameAs(cpu.engine());
        }
    }

    @Test
    void anotherCompositionGetsItsOwnEngine() throws Exception {
        try (EngineRegistry registry = new EngineRegistry()) {
            EngineRegistry.Lease apart = registry.engine(demo, null, "cpu", Composition.OFF);
            EngineRegistry.Lease composed = registry.engine(demo, null, "cpu", Composition.ON);

            assertThat(composed.engine()).as("engine composing the warp and decoder").isNotSameAs(apart.engine());
        }
    }

    @Test
    void anotherConfigGetsItsOwnEngine() throws Exception {
        try (EngineRegistry registry = new EngineRegistry()) {
            EngineRegistry.Lease standard = registry.engine(demo, null, "cpu");
            EngineRegistry.Lease named = registry.engine(demo, demo.resolve(RenderEngine.DEFAULT_CONFIGS.get(1)),
                    "cpu");

            assertThat(named.engine()).as("engine with a config named").isNotSameAs(standard.engine());
        }
    }

    @Test
    void anotherRegistryLoadsItsOwnEngine() throws Exception {
        try (EngineRegistry one = new EngineRegistry(); EngineRegistry other = new EngineRegistry()) {
            RenderEngine first = one.engine(demo, null, "cpu").engine();

            EngineRegistry.Lease lease = other.engine(demo, null, "cpu");

            assertThat(lease.loaded()).as("lease of a second registry loaded an engine").isTrue();
            assertThat(lease.engine()).as("engine of a second registry").isNotSameAs(first);
        }
    }

    @Test
    void localizesAModelSetOncePerUri() throws Exception {
        AtomicInteger copies = new AtomicInteger();
        EngineRegistry.Localizer localizer = uri -> {
            copies.incrementAndGet();
            return new LocalModels(uri, demo, "hash");
        };
        try (EngineRegistry registry = new EngineRegistry()) {
            LocalModels first = registry.localModels("s3a://bucket/models", localizer);
            LocalModels second = registry.localModels("s3a://bucket/models", localizer);

            assertThat(second).as("second local copy").isSameAs(first);
            assertThat(copies).as("copies made").hasValue(1);
        }
    }

    @Test
    void aFailedLocalCopyIsTriedAgain() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        EngineRegistry.Localizer flaky = uri -> {
            if (tries.incrementAndGet() == 1) {
                throw new RenderException(ErrorKind.MODEL_MISMATCH, "unreachable");
            }
            return new LocalModels(uri, demo, "hash");
        };
        try (EngineRegistry registry = new EngineRegistry()) {
            assertThatThrownBy(() -> registry.localModels("s3a://bucket/models", flaky))
                    .as("first, failing copy").isInstanceOf(RenderException.class);

            assertThat(registry.localModels("s3a://bucket/models", flaky).folder()).as("folder of the second try")
                    .isEqualTo(demo);
        }
    }

    @Test
    void closingClosesTheEngines() throws Exception {
        EngineRegistry registry = new EngineRegistry();
        RenderEngine engine = registry.engine(demo, null, "cpu").engine();
        RenderRequest request = RenderRequest.builder().source(demo.resolve("none.png"))
                .audio(demo.resolve("none.wav")).output(demo.resolve("none.mp4")).build();

        registry.close();

        assertThatThrownBy(() -> engine.render(request, RenderProgress.NONE))
                .as("render on an engine of a closed registry").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aClosedRegistryLoadsNothing() {
        EngineRegistry registry = new EngineRegistry();
        registry.close();

        assertThatThrownBy(() -> registry.engine(demo, null, "cpu")).as("engine from a closed registry")
                .isInstanceOf(IllegalStateException.class);
    }
}
