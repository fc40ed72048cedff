package dev.guard4j.filters.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guard4j.Finding;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Valid and invalid examples per detector family, with the span each valid example must get. */
class PiiRecognizersTest {

    private static final PiiFilter ALL = PiiFilter.builder().categories(PiiFilter.supportedCategories()).build();

    static Stream<Arguments> valid() {
        return Stream.of(
                // checksums
                Arguments.of("CREDIT_DEBIT_CARD_NUMBER", "pay with 4111 1111 1111 1111 please", "4111 1111 1111 1111"),
                Arguments.of("CREDIT_DEBIT_CARD_NUMBER", "card 371449635398431 expires soon", "371449635398431"),
                Arguments.of("CREDIT_DEBIT_CARD_NUMBER", "number 5555-5555-5555-4444.", "5555-5555-5555-4444"),
                Arguments.of("CA_SOCIAL_INSURANCE_NUMBER", "my SIN is 130-692-544", "130-692-544"),
                Arguments.of("INTERNATIONAL_BANK_ACCOUNT_NUMBER", "IBAN GB82 WEST 1234 5698 7654 32 thanks", "GB82 WEST 1234 5698 7654 32"),
                Arguments.of("INTERNATIONAL_BANK_ACCOUNT_NUMBER", "to DE89370400440532013000 now", "DE89370400440532013000"),
                Arguments.of("US_BANK_ROUTING_NUMBER", "routing number 121000358", "121000358"),
                Arguments.of("UK_NATIONAL_HEALTH_SERVICE_NUMBER", "NHS number 401 023 2137", "401 023 2137"),
                Arguments.of("VEHICLE_IDENTIFICATION_NUMBER", "VIN 1M8GDM9AXKP042788 on file", "1M8GDM9AXKP042788"),
                Arguments.of("IN_AADHAAR", "Aadhaar 3123 4567 8909", "3123 4567 8909"),
                Arguments.of("CRYPTO", "send to 16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ today", "16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ"),
                Arguments.of("CRYPTO", "wallet bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"),
                Arguments.of("US_SOCIAL_SECURITY_NUMBER", "SSN: 078-05-1123", "078-05-1123"),
                Arguments.of("US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER", "ITIN 911-70-1234", "911-70-1234"),
                Arguments.of("AU_TFN", "tax file number 876 543 210", "876 543 210"),
                Arguments.of("DE_TAX_ID", "Steuer-ID: 12345678903.", "12345678903"),
                Arguments.of("PL_PESEL", "my pesel is 44051401458.", "44051401458"),
                Arguments.of("ES_NIF", "DNI 12345678Z", "12345678Z"),
                // formats
                Arguments.of("EMAIL", "mail jane.doe+x@mail.example.co.uk.", "jane.doe+x@mail.example.co.uk"),
                Arguments.of("URL", "see https://example.com/a?b=1, then", "https://example.com/a?b=1"),
                Arguments.of("URL", "my site is example.org", "example.org"),
                Arguments.of("IP_ADDRESS", "from 192.168.1.20 today", "192.168.1.20"),
                Arguments.of("IP_ADDRESS", "Connect to [2001:db8::1]:8080", "2001:db8::1"),
                Arguments.of("MAC_ADDRESS", "MAC: 00:1A:2B:3C:4D:5E", "00:1A:2B:3C:4D:5E"),
                Arguments.of("UK_NATIONAL_INSURANCE_NUMBER", "NI number AB 12 34 56 C", "AB 12 34 56 C"),
                Arguments.of("PHONE", "call me at (415) 555-0132 tonight", "(415) 555-0132"),
                Arguments.of("PHONE", "mobile +44 20 7123 4567", "+44 20 7123 4567"),
                Arguments.of("DATE_TIME", "born on 2021-05-21 in Oslo", "2021-05-21"),
                Arguments.of("DATE_TIME", "We'll meet Thursday", "Thursday"),
                Arguments.of("AGE", "He just turned 35 years old", "35"),
                Arguments.of("CREDIT_DEBIT_CARD_CVV", "CVV: 123", "123"),
                Arguments.of("CREDIT_DEBIT_CARD_EXPIRY", "expiry 09/27", "09/27"),
                Arguments.of("PASSWORD", "password: hunter2!", "hunter2!"),
                Arguments.of("PIN", "my PIN is 4821", "4821"),
                Arguments.of("AWS_ACCESS_KEY", "key AKIAIOSFODNN7EXAMPLE here", "AKIAIOSFODNN7EXAMPLE"),
                Arguments.of("SWIFT_CODE", "SWIFT code DEUTDEFF please", "DEUTDEFF"),
                Arguments.of("DRIVER_ID", "driver's license number is F162823540116", "F162823540116"),
                Arguments.of("US_PASSPORT_NUMBER", "passport number A12803456", "A12803456"),
                // heuristics
                Arguments.of("NAME", "Hello, my name is Maria Keller.", "Maria Keller"),
                Arguments.of("NAME", "Please ask Dr. Okonkwo about it", "Okonkwo"),
                Arguments.of("NAME", "I spoke with Jennifer Smith yesterday", "Jennifer Smith"),
                Arguments.of("ADDRESS", "He lives at 90 Whitchurch Road, near the park", "90 Whitchurch Road"),
                Arguments.of("ADDRESS", "Send it to Via delle Coste 41 please", "Via delle Coste 41"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("valid")
    void validValuesAreFoundWithTheirExactSpan(String category, String text, String value) {
        int start = text.indexOf(value);
        List<Finding> findings = ALL.detect(text);
        assertThat(findings)
                .as("findings %s", findings)
                .anySatisfy(f -> {
                    assertThat(f.category()).isEqualTo(category);
                    assertThat(f.start()).isEqualTo(start);
                    assertThat(f.end()).isEqualTo(start + value.length());
                });
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("CREDIT_DEBIT_CARD_NUMBER", "pay with 4111 1111 1111 1112 please"),
                Arguments.of("CREDIT_DEBIT_CARD_NUMBER", "order 4012-8888 8888-1881"),
                Arguments.of("CA_SOCIAL_INSURANCE_NUMBER", "my SIN is 130-692-545"),
                Arguments.of("INTERNATIONAL_BANK_ACCOUNT_NUMBER", "IBAN GB82 WEST 1234 5698 7654 33"),
                Arguments.of("INTERNATIONAL_BANK_ACCOUNT_NUMBER", "IBAN GB82 WEST 1234 5698 7654 3"),
                Arguments.of("US_BANK_ROUTING_NUMBER", "routing number 421042111"),
                Arguments.of("UK_NATIONAL_HEALTH_SERVICE_NUMBER", "NHS number 401 023 2138"),
                Arguments.of("VEHICLE_IDENTIFICATION_NUMBER", "VIN 1M8GDM9AYKP042788"),
                Arguments.of("IN_AADHAAR", "Aadhaar 1234 5678 9012"),
                Arguments.of("CRYPTO", "send to 16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ2"),
                Arguments.of("US_SOCIAL_SECURITY_NUMBER", "SSN: 666-05-1123"),
                Arguments.of("US_SOCIAL_SECURITY_NUMBER", "SSN: 078-00-1123"),
                Arguments.of("US_SOCIAL_SECURITY_NUMBER", "SSN: 078-05-0000"),
                Arguments.of("US_SOCIAL_SECURITY_NUMBER", "SSN: 078-05.1123"),
                Arguments.of("US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER", "my tax id 911-89-1234"),
                Arguments.of("AU_TFN", "tax file number 824 753 557"),
                Arguments.of("DE_TAX_ID", "Steuer-ID 11112345678"),
                Arguments.of("PL_PESEL", "pesel 44051401459"),
                Arguments.of("ES_NIF", "DNI 12345678A"),
                Arguments.of("EMAIL", "this is not an email: hello-world here"),
                Arguments.of("EMAIL", "my email is info@presidio."),
                Arguments.of("URL", "for example, e.g. file.txt and www.microsoft"),
                Arguments.of("IP_ADDRESS", "Version 1.2.3 and 256.1.1.1 and std::cout"),
                Arguments.of("IP_ADDRESS", "Time 12:34:56, MAC aa:bb:cc:dd:ee:ff"),
                Arguments.of("MAC_ADDRESS", "Broadcast: FF:FF:FF:FF:FF:FF"),
                Arguments.of("UK_NATIONAL_INSURANCE_NUMBER", "code FQ 00 00 00 C"),
                Arguments.of("PASSWORD", "my password is incorrect"),
                Arguments.of("NAME", "The Quick Brown Fox jumps over the lazy dog."),
                Arguments.of("NAME", "Thanks for the update on Monday."),
                Arguments.of("ADDRESS", "We sold 25 units in the first quarter."),
                Arguments.of("DATE_TIME", "Version 1.2.3 was released"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalid")
    void invalidValuesAreNotReported(String category, String text) {
        assertThat(ALL.detect(text)).noneMatch(f -> f.category().equals(category));
    }
}
