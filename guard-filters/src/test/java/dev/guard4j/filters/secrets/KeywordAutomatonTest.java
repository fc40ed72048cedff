package dev.guard4j.filters.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KeywordAutomatonTest {

    private static List<String> hits(List<String> keywords, String text) {
        List<String> hits = new ArrayList<>();
        new KeywordAutomaton(keywords).scan(text, (k, start) -> hits.add(keywords.get(k) + "@" + start));
        return hits;
    }

    @ParameterizedTest
    @CsvSource({
            "'he,she,his,hers', ushers, 'she@1 he@2 hers@2'",
            "'ghp_,sk-', 'a GHP_x and SK-y', 'ghp_@2 sk-@12'",
            "'token', 'no keywords here', ''",
            "'aa', 'aaaa', 'aa@0 aa@1 aa@2'",
            "'key', 'clé key', 'key@4'"})
    void reportsEveryOccurrenceIgnoringCase(String keywords, String text, String expected) {
        assertThat(String.join(" ", hits(List.of(keywords.split(",")), text))).isEqualTo(expected);
    }

    @Test
    void rejectsEmptyAndNonAsciiKeywords() {
        assertThatThrownBy(() -> new KeywordAutomaton(List.of(""))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeywordAutomaton(List.of("clé"))).hasMessageContaining("not ASCII");
    }
}
