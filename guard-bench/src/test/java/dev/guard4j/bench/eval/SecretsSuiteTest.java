package dev.guard4j.bench.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsSuiteTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "etsyToken=\"9y5xbuql1a3cr1ko0zj1r6k0\"|9y5xbuql1a3cr1ko0zj1r6k0",
            "<EtsyToken>\\n    9y5xbuql1a3cr1ko0zj1r6k0\\n</EtsyToken>|9y5xbuql1a3cr1ko0zj1r6k0",
            "System.setProperty(\"ETSY_TOKEN\", \"9y5xbuql1a3cr1ko0zj1r6k0\")|9y5xbuql1a3cr1ko0zj1r6k0"})
    void theSameSecretInDifferentSyntaxesIsOneSecret(String text, String secret) {
        assertThat(SecretsSuite.secretOf(text.replace("\\n", "\n"))).isEqualTo(secret);
    }

    @Test
    void scoresEachSecretOnceAndCountsFlaggedNegatives(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("README.md"), "test data");
        Path gitleaks = root.resolve(SecretsSuite.GITLEAKS);
        Files.createDirectories(gitleaks.getParent());
        String token = "ghp_" + "aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xY1zA3";
        Files.write(gitleaks, List.of(
                "{\"rule_id\":\"github-pat\",\"text\":\"token=" + token + "\",\"label\":1}",
                "{\"rule_id\":\"github-pat\",\"text\":\"token: '" + token + "'\",\"label\":1}",
                "{\"rule_id\":\"github-pat\",\"text\":\"no token here\",\"label\":0}"));
        System.setProperty("guard4j.datasets", root.toString());
        try {
            EvalReport report = new EvalReport();
            new SecretsSuite().run(Datasets.locate().orElseThrow(), report, 0);

            List<Map<String, Object>> perRule = report.rows("secrets / gitleaks per rule");
            assertThat(perRule).singleElement().satisfies(row -> {
                assertThat(row).containsEntry("rule", "github-pat").containsEntry("secrets", 1).containsEntry("found", 1);
                assertThat(row).containsEntry("negatives", 1).containsEntry("negFlagged", 0);
            });
        } finally {
            System.clearProperty("guard4j.datasets");
        }
    }
}
