package dittospark.udf;

import dittospark.engine.DemoModels;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineCacheTest {
    private final LocalModels models = new LocalModels("demo", DemoModels.folder(), "engine-cache-test-hash");

    @Test
    void loadsOncePerModelSetAndDevice() throws Exception {
        long before = EngineCache.loads();

        EngineCache.Lease first = EngineCache.engine(models, "cpu");
        EngineCache.Lease second = EngineCache.engine(models, "cpu");

        assertThat(first.loaded()).as("first lease loaded the engine").isTrue();
        assertThat(second.loaded()).as("second lease loaded the engine").isFalse();
        assertThat(second.engine()).as("engine of the second lease").isSameAs(first.engine());
        assertThat(EngineCache.loads() - before).as("loads").isEqualTo(1);
    }

    @Test
    void anotherDeviceGetsItsOwnEngine() throws Exception {
        EngineCache.Lease cpu = EngineCache.engine(models, "cpu");
        EngineCache.Lease gpu = EngineCache.engine(models, "cuda:1");

        assertThat(gpu.engine()).as("engine of another device").isNotSameAs(cpu.engine());
    }
}
