package dev.guard4j.filters.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guard4j.Finding;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Digit runs inside a value another rule has confirmed are not also reported as phone numbers. */
class PhoneClaimTest {

    private final PiiDetector detector = new PiiDetector(PiiDetector.supportedCategories(), 0.0, List.of(), List.of());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "contact GB82 WEST 1234 5698 7654 32 today | INTERNATIONAL_BANK_ACCOUNT_NUMBER",
        "contact 192.168.10.24 today | IP_ADDRESS"})
    void digitsOfAConfirmedValueAreNoPhone(String text, String category) {
        List<String> categories = detector.detect(text).stream().map(Finding::category).toList();
        assertThat(categories).contains(category).doesNotContain("PHONE");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "call me on 020 7946 0958 please | 11 | 24",
        "contact +44 20 7946 0958 today | 8 | 24",
        "my cell is (415) 555-0132 | 11 | 25"})
    void phoneNumbersOutsideOtherValuesAreStillFound(String text, int start, int end) {
        assertThat(detector.detect(text)).anySatisfy(finding -> {
            assertThat(finding.category()).isEqualTo("PHONE");
            assertThat(finding.start()).isEqualTo(start);
            assertThat(finding.end()).isEqualTo(end);
        });
    }
}
