package io.containerplatform.components.fargate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FargateSizesTest {

    @ParameterizedTest(name = "cpu {0} memory {1} is valid")
    @CsvSource({"256,512", "256,2048", "512,1024", "512,4096", "1024,2048", "1024,8192", "2048,4096", "2048,16384",
            "4096,8192", "4096,30720", "8192,16384", "8192,61440", "16384,32768", "16384,122880"})
    void acceptsTheFargateTable(int cpu, int memory) {
        assertThat(FargateSizes.problem(cpu, memory)).isEmpty();
    }

    @ParameterizedTest(name = "cpu {0} memory {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "256|4096|cpu 256 does not allow memory 4096; allowed memory for cpu 256: 512, 1024, 2048",
            "256|1536|cpu 256 does not allow memory 1536; allowed memory for cpu 256: 512, 1024, 2048",
            "512|512|cpu 512 does not allow memory 512; allowed memory for cpu 512: 1024, 2048, 3072, 4096",
            "1024|9216|cpu 1024 does not allow memory 9216; allowed memory for cpu 1024: 2048, 3072, 4096, 5120, 6144, 7168, 8192",
            "8192|18432|cpu 8192 does not allow memory 18432; allowed memory for cpu 8192: 16384, 20480, 24576, 28672, 32768, 36864, 40960, 45056, 49152, 53248, 57344, 61440",
            "300|512|cpu 300 is not a Fargate size; allowed cpu: 256, 512, 1024, 2048, 4096, 8192, 16384",
    })
    void rejectsInvalidPairsListingTheValidMemory(int cpu, int memory, String message) {
        assertThat(FargateSizes.problem(cpu, memory)).contains(message);
    }
}
