package dev.guard4j.filters.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guard4j.CallState;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PseudonymVaultTest {

    @Test
    void sameValueGetsTheSamePlaceholderAndDistinctValuesGetTheNextNumber() {
        PseudonymVault vault = PseudonymVault.of(new CallState());
        assertThat(vault.placeholderFor("EMAIL", "a@x.com")).isEqualTo("<EMAIL_1>");
        assertThat(vault.placeholderFor("EMAIL", "b@x.com")).isEqualTo("<EMAIL_2>");
        assertThat(vault.placeholderFor("EMAIL", "a@x.com")).isEqualTo("<EMAIL_1>");
        assertThat(vault.placeholderFor("PHONE", "555 0100")).isEqualTo("<PHONE_1>");
    }

    @Test
    void eachCallStateHasItsOwnVault() {
        CallState state = new CallState();
        assertThat(PseudonymVault.of(state)).isSameAs(PseudonymVault.of(state));
        assertThat(PseudonymVault.of(new CallState())).isNotSameAs(PseudonymVault.of(state));
        assertThat(PseudonymVault.in(new CallState())).isEmpty();
    }

    static Stream<Arguments> restorations() {
        return Stream.of(
                Arguments.of("Write to <EMAIL_1>.", "Write to a@x.com."),
                Arguments.of("<EMAIL_1><EMAIL_2>", "a@x.comb@x.com"),
                Arguments.of("<<EMAIL_1>>", "<a@x.com>"),
                Arguments.of("unknown <EMAIL_9> stays", "unknown <EMAIL_9> stays"),
                Arguments.of("partial at the end <EMA", "partial at the end <EMA"),
                Arguments.of("a < b and <EMAIL_2", "a < b and <EMAIL_2"),
                Arguments.of("no placeholders", "no placeholders"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("restorations")
    void restoreReplacesOnlyCompletePlaceholdersOfThisVault(String text, String expected) {
        PseudonymVault vault = PseudonymVault.of(new CallState());
        vault.placeholderFor("EMAIL", "a@x.com");
        vault.placeholderFor("EMAIL", "b@x.com");
        assertThat(vault.restore(text)).isEqualTo(expected);
    }

    @Test
    void toStringNeverShowsValues() {
        PseudonymVault vault = PseudonymVault.of(new CallState());
        vault.placeholderFor("EMAIL", "secret.person@example.com");
        assertThat(vault.toString()).doesNotContain("secret.person").doesNotContain("EMAIL_1");
        assertThat(vault.holdsOriginal("secret.person@example.com")).isTrue();
    }

    @Test
    void restoreOfManyAngleBracketsStaysLinear() {
        PseudonymVault vault = PseudonymVault.of(new CallState());
        vault.placeholderFor("EMAIL", "a@x.com");
        String hostile = "<".repeat(1_000_000);
        assertThat(vault.restore(hostile)).isSameAs(hostile);
    }
}
