package io.containerplatform.workloads.producer;

import io.containerplatform.workloads.event.EventContract;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;

class ProducerTest {

    @Test
    void optionsAreCheckedNamingEachBadOne() {
        var errors = new ArrayList<String>();
        var options = ProducerMain.Options.parse(new String[]{"--count", "500", "--rate", "0", "--duplicates", "0.1", "--invalid", "0.05"}, errors);
        assertThat(errors).isEmpty();
        assertThat(options).isEqualTo(new ProducerMain.Options(500, 0, 0.1, 0.05, 1));
        errors.clear();
        ProducerMain.Options.parse(new String[]{"--count", "many", "--invalid", "0.8", "--duplicates", "0.5", "--colour", "red"}, errors);
        assertThat(errors).containsExactly(
                "--count: \"many\" is not a number",
                "--colour: unknown option; allowed: --count, --rate, --duplicates, --invalid, --seed",
                "--count: required, a whole number of messages of at least 1",
                "--rate: required, messages per second (0: as fast as the broker confirms)",
                "--duplicates/--invalid: shares from 0 to 1 whose sum is at most 1");
    }

    @Test
    void invalidMessagesCoverEveryKindInTurn() {
        var kinds = new HashSet<String>();
        for (int n = 0; n < Producer.INVALID_KINDS; n++) {
            kinds.add(Producer.invalidMessage(n, "bad-" + n));
        }
        assertThat(kinds).hasSize(Producer.INVALID_KINDS);
        assertThat(Producer.invalidMessage(4, "x")).contains("x".repeat(EventContract.MAX_ID_LENGTH + 1));
        assertThat(Producer.invalidMessage(Producer.INVALID_KINDS, "y")).isEqualTo(Producer.invalidMessage(0, "z"));
    }
}
