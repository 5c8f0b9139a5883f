package io.containerplatform.components.fargate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FargateSizesTest {

    @ParameterizedTest(name = "cpu {0} memory {1} is valid")
    @CsvSource({"256,512", "256,2048", "512,1024", "512,4096", "1024,2048", "1024,8192", "2048,4096", "2048,16384",
            "4096,8192", "4096,30720", "8192,16384", "8192,61440", "16384,32768", "16384,122880"})
    void acceptsTheFargateTable(int cpu, int memory) {
        assertThat(FargateSizes.check(cpu, memory)).isEmpty();
    }

    @ParameterizedTest(name = "cpu {0} memory {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "256|4096|memory: 4096 is not valid with cpu 256; allowed: for cpu 256 one of 512, 1024, 2048",
            "256|1536|memory: 1536 is not valid with cpu 256; allowed: for cpu 256 one of 512, 1024, 2048",
            "512|512|memory: 512 is not valid with cpu 512; allowed: for cpu 512 one of 1024, 2048, 3072, 4096",
            "1024|9216|memory: 9216 is not valid with cpu 1024; allowed: for cpu 1024 one of 2048, 3072, 4096, 5120, 6144, 7168, 8192",
            "8192|18432|memory: 18432 is not valid with cpu 8192; allowed: for cpu 8192 one of 16384, 20480, 24576, 28672, 32768, 36864, 40960, 45056, 49152, 53248, 57344, 61440",
            "300|512|cpu: 300 is not a Fargate cpu size; allowed: one of 256, 512, 1024, 2048, 4096, 8192, 16384",
    })
    void rejectsInvalidPairsListingTheValidMemory(int cpu, int memory, String message) {
        assertThat(FargateSizes.check(cpu, memory)).map(v -> v.input() + ": " + v.problem() + "; allowed: " + v.allowed()).contains(message);
    }
}
