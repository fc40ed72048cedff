package dev.guard4j.filters.secrets;

import static dev.guard4j.filters.secrets.TestKeys.BASE64;
import static dev.guard4j.filters.secrets.TestKeys.alnum;
import static dev.guard4j.filters.secrets.TestKeys.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guard4j.Category;
import dev.guard4j.Content;
import dev.guard4j.Finding;
import dev.guard4j.Verdict;
import dev.guard4j.filters.redact.Action;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SecretsFilterTest {

    private static final String GITHUB_TOKEN = "ghp_" + alnum(36);

    private static Content user(String text) {
        return Content.of(text, Content.Source.USER);
    }

    @Test
    void redactsASecretByDefaultAndTheRewriteNoLongerHoldsIt() {
        Verdict verdict = SecretsFilter.ofDefaults().validate(user("my token is " + GITHUB_TOKEN + ", thanks"));

        assertThat(verdict).isInstanceOf(Verdict.Rewrite.class);
        String text = ((Verdict.Rewrite) verdict).text();
        assertThat(text).isEqualTo("my token is <SECRET>, thanks").doesNotContain(GITHUB_TOKEN);
        assertThat(verdict.findings()).singleElement()
                .satisfies(f -> assertThat(f.detector()).isEqualTo("github-pat"))
                .satisfies(f -> assertThat(f.category()).isEqualTo("SECRET"));
    }

    @Test
    void checksModelOutputTheSameWayAsInput() {
        Content answer = Content.of("Use " + GITHUB_TOKEN, Content.Source.MODEL);

        assertThat(SecretsFilter.ofDefaults().check(answer)).isEqualTo(SecretsFilter.ofDefaults().validate(answer));
    }

    @Test
    void textWithoutSecretsPasses() {
        assertThat(SecretsFilter.ofDefaults().validate(user("What is the capital of France?"))).isEqualTo(Verdict.pass());
    }

    @Test
    void awsKeysUseBedrocksCategories() {
        String text = "AKIA" + random(TestKeys.UPPER_ALNUM, 16, 1) + " aws_secret_access_key=" + random(BASE64, 40, 2);

        assertThat(SecretsFilter.ofDefaults().scan(text)).extracting(Finding::category)
                .containsExactly("AWS_ACCESS_KEY", "AWS_SECRET_KEY");
    }

    @Test
    void aCategorySetToBlockBlocksTheCall() {
        SecretsFilter filter = SecretsFilter.builder().action("PASSWORD", Action.BLOCK).build();

        Verdict verdict = filter.validate(user("connect to postgres://app:Sup3rS3cret@db:5432/app"));

        assertThat(verdict).isInstanceOf(Verdict.Block.class);
        assertThat(((Verdict.Block) verdict).reason()).doesNotContain("Sup3rS3cret");
    }

    @Test
    void aRuleSetToReportOnlyPassesWithItsFindingWhileOthersAreRedacted() {
        SecretsFilter filter = SecretsFilter.builder().ruleAction("jwt", Action.REPORT_ONLY).build();
        String jwt = TestKeys.jwt();

        Verdict verdict = filter.validate(user(jwt + " and " + GITHUB_TOKEN));

        assertThat(verdict).isInstanceOf(Verdict.Rewrite.class);
        assertThat(((Verdict.Rewrite) verdict).text()).isEqualTo(jwt + " and <SECRET>");
        assertThat(verdict.findings()).extracting(Finding::detector).containsExactlyInAnyOrder("jwt", "github-pat");
    }

    @Test
    void aRuleSetToBlockBlocks() {
        SecretsFilter filter = SecretsFilter.builder().ruleAction("github-pat", Action.BLOCK).build();

        assertThat(filter.validate(user(GITHUB_TOKEN)).kind()).isEqualTo(Verdict.Kind.BLOCK);
    }

    @Test
    void maskKeepsTheLastFourCharacters() {
        SecretsFilter filter = SecretsFilter.builder().defaultAction(Action.MASK).build();

        Verdict.Rewrite verdict = (Verdict.Rewrite) filter.validate(user(GITHUB_TOKEN));

        assertThat(verdict.text()).endsWith(GITHUB_TOKEN.substring(GITHUB_TOKEN.length() - 4)).doesNotContain(GITHUB_TOKEN.substring(4, 30));
    }

    @Test
    void allowedValuesAreNeverFlaggedAndDeniedValuesAlwaysAre() {
        SecretsFilter filter = SecretsFilter.builder().allow(GITHUB_TOKEN).deny("internal-build-pass-42").build();

        assertThat(filter.scan(GITHUB_TOKEN)).isEmpty();
        assertThat(filter.scan("use internal-build-pass-42 twice: internal-build-pass-42")).hasSize(2)
                .allSatisfy(f -> assertThat(f.detector()).isEqualTo("deny-list"));
    }

    @Test
    void disabledRulesStaySilent() {
        assertThat(SecretsFilter.builder().disableRules("github-pat").build().scan(GITHUB_TOKEN)).isEmpty();
    }

    @Test
    void unknownRulesAndRewritingRuleActionsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> SecretsFilter.builder().disableRules("no-such-rule"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-rule");
        assertThatThrownBy(() -> SecretsFilter.builder().ruleAction("jwt", Action.MASK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BLOCK or REPORT_ONLY");
    }

    @Test
    void textOverTheLengthCapIsBlockedUnread() {
        SecretsFilter filter = SecretsFilter.builder().maxInputLength(1_000).build();

        Verdict verdict = filter.validate(user("a".repeat(1_001)));

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.BLOCK);
        assertThat(verdict.findings()).extracting(Finding::category).containsExactly(Category.OVERSIZED_INPUT);
    }

    @Test
    void tenMegabytesGetAVerdictNotAHang() {
        String huge = "lorem ipsum token=abc ".repeat(500_000);

        assertThat(SecretsFilter.ofDefaults().validate(user(huge)).kind()).isEqualTo(Verdict.Kind.BLOCK);
    }

    static Stream<String> hostileInputs() {
        Random random = new Random(42);
        char[] binary = new char[200_000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (char) random.nextInt(0x10000);
        }
        return Stream.of(
                new String(binary),
                random(BASE64, 500_000, 7),
                "9".repeat(500_000),
                "a@".repeat(250_000),
                "token=".repeat(80_000),
                "\uD800\uDC00\uD800 password=\uDFFF \uDC00".repeat(10_000),
                "eyJ".repeat(100_000),
                "-----BEGIN PRIVATE KEY-----".repeat(10_000),
                "https://a:" .repeat(50_000),
                "");
    }

    @ParameterizedTest
    @MethodSource("hostileInputs")
    void hostileInputGetsAVerdict(String text) {
        Verdict verdict = SecretsFilter.ofDefaults().validate(user(text));

        assertThat(verdict).isNotNull();
        if (verdict instanceof Verdict.Rewrite rewrite) {
            for (Finding finding : verdict.findings()) {
                assertThat(rewrite.text()).doesNotContain(text.substring(finding.start(), finding.end()));
            }
        }
    }

    @Test
    void textStuffedWithKeywordsIsBlockedRatherThanHalfInspected() {
        Verdict verdict = SecretsFilter.ofDefaults().validate(user("token=".repeat(20_000)));

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.BLOCK);
        assertThat(verdict.findings()).extracting(Finding::category).contains(Category.FILTER_FAILURE);
    }

    @Test
    void codeWithManySecretNamesIsStillInspected() {
        String config = "db_password = \"" + alnum(12) + "\"\ncache_token = ${CACHE_TOKEN}\n";

        Verdict verdict = SecretsFilter.ofDefaults().validate(user(config.repeat(200)));

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.REWRITE);
        assertThat(verdict.findings()).hasSize(200).extracting(Finding::detector).containsOnly("generic-secret");
    }

    @Test
    void scanRejectsNullAndOverlongTextWithAClearMessage() {
        SecretsFilter filter = SecretsFilter.builder().maxInputLength(10).build();

        assertThatThrownBy(() -> filter.scan(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("text");
        assertThatThrownBy(() -> filter.scan("x".repeat(11))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than");
    }

    @Test
    void overlappingRulesYieldOneFindingPerSpan() {
        // the URL rule and the database URL rule both see this password; one finding survives
        assertThat(SecretsFilter.ofDefaults().scan("postgres://u:Pw" + alnum(10) + "@h/db")).hasSize(1);
    }

    @Test
    void pseudonymisingFiltersAreNotMemoised() {
        assertThat(SecretsFilter.ofDefaults().memoisable()).isTrue();
        assertThat(SecretsFilter.builder().action("SECRET", Action.PSEUDONYMISE).build().memoisable()).isFalse();
    }

    @Test
    void knowsAtLeastSixtyFormats() {
        assertThat(SecretsFilter.ruleIds()).hasSizeGreaterThanOrEqualTo(60).contains("github-pat", "private-key", "generic-secret");
    }
}
