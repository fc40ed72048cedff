package dev.guard4j.filters.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShannonEntropyTest {

    @ParameterizedTest
    @CsvSource({"'', 0.0", "aaaa, 0.0", "abab, 1.0", "abcd, 2.0", "0123456789abcdef, 4.0", "ééaa, 1.0"})
    void measuresBitsPerCharacter(String value, double bits) {
        assertThat(ShannonEntropy.of(value)).isCloseTo(bits, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({"xxxxxxxxxxxxxxxxxxxx, 0, true", "abcdefghijklmnopqrstuvwxyz, 0, true", "ghp_xxxxxxxxxxxx, 4, true",
            "ghp_a8Fk2LqPz9Xw, 4, false", "1QQQQQQQQQQQQQQQ, 1, false"})
    void recognisesFiller(String value, int prefix, boolean filler) {
        assertThat(PlaceholderValues.isFiller(value, prefix)).isEqualTo(filler);
    }
}
