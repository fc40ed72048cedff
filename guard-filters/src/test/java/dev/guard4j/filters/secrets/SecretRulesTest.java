package dev.guard4j.filters.secrets;

import static dev.guard4j.filters.secrets.TestKeys.ALNUM;
import static dev.guard4j.filters.secrets.TestKeys.BASE64;
import static dev.guard4j.filters.secrets.TestKeys.BECH32;
import static dev.guard4j.filters.secrets.TestKeys.DIGITS;
import static dev.guard4j.filters.secrets.TestKeys.LETTERS;
import static dev.guard4j.filters.secrets.TestKeys.LOWER_ALNUM;
import static dev.guard4j.filters.secrets.TestKeys.UPPER_ALNUM;
import static dev.guard4j.filters.secrets.TestKeys.alnum;
import static dev.guard4j.filters.secrets.TestKeys.hex;
import static dev.guard4j.filters.secrets.TestKeys.random;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guard4j.Finding;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Per rule, a positive with its expected span and rule id, and near misses that must not be flagged. */
class SecretRulesTest {

    private static final SecretsFilter FILTER = SecretsFilter.ofDefaults();

    static Stream<Arguments> positives() {
        String pgPassword = "pG" + random(ALNUM, 14, 5);
        String curlPassword = "Qx" + random(ALNUM, 12, 6) + "!";
        return Stream.of(
                // expected rule, text before, secret, text after
                Arguments.of("github-pat", "export GH_TOKEN=", "ghp_" + alnum(36), "\n"),
                Arguments.of("github-oauth", "token: ", "gho_" + alnum(36), ""),
                Arguments.of("github-app-token", "use ", "ghs_" + alnum(36), " here"),
                Arguments.of("github-refresh-token", "", "ghr_" + alnum(36), ""),
                Arguments.of("github-fine-grained-pat", "pat ", "github_pat_" + random(ALNUM + "_", 82, 1), "."),
                Arguments.of("gitlab-pat", "GITLAB=", "glpat-" + alnum(20), ""),
                Arguments.of("gitlab-runner-token", "runner ", "glrt-" + alnum(20), ""),
                Arguments.of("bitbucket-app-password", "pw ", "ATBB" + alnum(32), ""),
                Arguments.of("circleci-personal-token", "", "CCIPAT_" + alnum(22) + "_" + hex(40), ""),
                Arguments.of("aws-access-key-id", "aws id ", "AKIA" + random(UPPER_ALNUM, 16, 2), " ok"),
                Arguments.of("aws-secret-access-key", "aws_secret_access_key = \"", random(BASE64, 40, 3), "\""),
                Arguments.of("gcp-api-key", "key=", "AIza" + random(ALNUM + "-_", 35, 4), "&q=1"),
                Arguments.of("azure-storage-account-key", "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=",
                        random(BASE64, 86, 8) + "==", ";EndpointSuffix=core.windows.net"),
                Arguments.of("digitalocean-token", "", "dop_v1_" + hex(64), ""),
                Arguments.of("databricks-api-token", "", "dapi" + hex(32), ""),
                Arguments.of("doppler-api-token", "", "dp.pt." + alnum(43), ""),
                Arguments.of("alibaba-access-key-id", "", "LTAI" + alnum(20), ""),
                Arguments.of("heroku-api-key-v2", "", "HRKU-AA" + random(ALNUM + "_-", 58, 9), ""),
                Arguments.of("slack-bot-token", "SLACK_BOT_TOKEN=", "xoxb-" + random(DIGITS, 12, 10) + "-" + random(DIGITS, 13, 11)
                        + "-" + alnum(24), ""),
                Arguments.of("slack-webhook-url", "POST ", "https://hooks.slack.com/services/T" + random(UPPER_ALNUM, 8, 12)
                        + "/B" + random(UPPER_ALNUM, 8, 13) + "/" + alnum(24), " now"),
                Arguments.of("discord-bot-token", "bot ", "MT" + alnum(24) + "." + alnum(6) + "." + alnum(38), ""),
                Arguments.of("telegram-bot-token", "", random(DIGITS, 10, 14) + ":AA" + random(ALNUM + "_-", 33, 15), ""),
                Arguments.of("twilio-api-key", "", "SK" + hex(32), ""),
                Arguments.of("sendgrid-api-token", "", "SG." + alnum(22) + "." + alnum(43), ""),
                Arguments.of("mailgun-private-api-token", "", "key-" + hex(32), ""),
                Arguments.of("mailchimp-api-key", "", hex(32) + "-us12", ""),
                Arguments.of("stripe-access-token", "stripe ", "sk_live_" + alnum(24), ""),
                Arguments.of("square-access-token", "", "sq0atp-" + alnum(22), ""),
                Arguments.of("shopify-access-token", "", "shpat_" + hex(32), ""),
                Arguments.of("paypal-braintree-access-token", "", "access_token$production$" + random(LOWER_ALNUM, 16, 16) + "$" + hex(32), ""),
                Arguments.of("openai-api-key", "OPENAI_API_KEY=", "sk-proj-" + alnum(24) + "T3BlbkFJ" + alnum(24), ""),
                Arguments.of("openai-project-key", "", "sk-proj-" + random(ALNUM + "_-", 156, 17), ""),
                Arguments.of("anthropic-api-key", "", "sk-ant-api03-" + random(ALNUM + "_-", 93, 18) + "AA", ""),
                Arguments.of("huggingface-access-token", "", "hf_" + random(LETTERS, 34, 19), ""),
                Arguments.of("groq-api-key", "", "gsk_" + alnum(52), ""),
                Arguments.of("replicate-api-token", "", "r8_" + alnum(37), ""),
                Arguments.of("perplexity-api-key", "", "pplx-" + alnum(48), ""),
                Arguments.of("npm-access-token", "", "npm_" + alnum(36), ""),
                Arguments.of("pypi-upload-token", "", "pypi-AgEIcHlwaS5vcmc" + random(ALNUM + "_-", 80, 20), ""),
                Arguments.of("rubygems-api-token", "", "rubygems_" + hex(48), ""),
                Arguments.of("dockerhub-pat", "", "dckr_pat_" + alnum(27), ""),
                Arguments.of("nuget-api-key", "", "oy2" + random(LOWER_ALNUM, 43, 21), ""),
                Arguments.of("linear-api-key", "", "lin_api_" + alnum(40), ""),
                Arguments.of("postman-api-token", "", "PMAK-" + hex(24) + "-" + hex(34), ""),
                Arguments.of("age-secret-key", "", "AGE-SECRET-KEY-1" + random(BECH32, 58, 22), ""),
                Arguments.of("grafana-service-account-token", "", "glsa_" + alnum(32) + "_" + hex(8), ""),
                Arguments.of("sentry-user-token", "", "sntryu_" + hex(64), ""),
                Arguments.of("jwt", "Authorization header was ", TestKeys.jwt(), " yesterday"),
                Arguments.of("private-key", "key:\n", "-----BEGIN RSA PRIVATE KEY-----\n" + random(BASE64, 64, 23) + "\n"
                        + random(BASE64, 40, 24) + "\n-----END RSA PRIVATE KEY-----", "\n"),
                // a streamed answer may hold back the rest: the BEGIN line and a partial body are enough
                Arguments.of("private-key", "here: ", "-----BEGIN OPENSSH PRIVATE KEY-----\n" + random(BASE64, 30, 25), ""),
                Arguments.of("database-url-password", "DATABASE_URL=postgres://app:", pgPassword, "@db.internal:5432/app"),
                Arguments.of("database-url-password", "mongodb+srv://admin:", pgPassword, "@cluster0.mongodb.net/test"),
                Arguments.of("database-url-password", "redis://default:", pgPassword, "@cache:6379"),
                Arguments.of("url-password", "see https://bob:", pgPassword, "@git.example.com/repo.git"),
                Arguments.of("jdbc-password", "jdbc:mysql://db:3306/app?user=app&password=", pgPassword, "&ssl=true"),
                Arguments.of("curl-auth-user", "curl -u ", "admin:" + curlPassword, " https://api.example.com"),
                Arguments.of("authorization-header", "Authorization: Bearer ", alnum(40), ""),
                Arguments.of("npm-auth-token", "//registry.npmjs.org/:_authToken=", "743b294a-cd03-41ec-9d64-" + hex(12), ""),
                Arguments.of("etsy-access-token", "ETSY_TOKEN=\"", random(LOWER_ALNUM, 24, 26), "\""),
                Arguments.of("cohere-api-token", "cohere_api_key: ", alnum(40), ""),
                Arguments.of("generic-secret", "password = \"", "hunter2!xyz", "\""),
                Arguments.of("generic-secret", "client_secret: ", alnum(32), "\n"),
                Arguments.of("generic-secret", "<apiKey>", alnum(30), "</apiKey>"),
                Arguments.of("password-in-prose", "my password is ", "Tr0ub4dor&3", " please keep it"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positives")
    void findsTheSecretWithItsSpanAndRule(String rule, String before, String secret, String after) {
        String text = before + secret + after;

        List<Finding> findings = FILTER.scan(text);

        assertThat(findings).as("findings in %s", text).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.detector()).isEqualTo(rule);
        assertThat(text.substring(finding.start(), finding.end())).isEqualTo(secret);
    }

    static Stream<String> nearMisses() {
        return Stream.of(
                "ghp_" + alnum(35),
                "xghp_" + alnum(36),
                "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "AKIA" + random(UPPER_ALNUM, 15, 2),
                "akia" + random(LOWER_ALNUM, 16, 2),
                "sk_live_",
                "pk_live_" + alnum(24),
                "-----BEGIN PUBLIC KEY-----\n" + random(BASE64, 64, 3) + "\n-----END PUBLIC KEY-----",
                "-----BEGIN CERTIFICATE-----\n" + random(BASE64, 64, 4) + "\n-----END CERTIFICATE-----",
                "-----BEGIN PRIVATE KEY-----\nanything\n-----END PRIVATE KEY-----",
                "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
                "password = \"\"",
                "password: ${DB_PASSWORD}",
                "password = config.databasePassword",
                "api_key = \"your_api_key_here\"",
                "token_length = 32",
                "credentialsId: '29f63271-dc2f-4734-8221-5b31b5169bac'",
                "publicToken = \"" + alnum(40) + "\"",
                "SetSysctl = \"" + random(LOWER_ALNUM, 24, 26) + "\"",
                "https://user@git.example.com/repo.git",
                "https://example.com:8080/path @someone",
                "curl -u \"$USER:$PASSWORD\" https://api.example.com",
                "The author said the secret of success is persistence.",
                "Your password is required to continue.",
                "A token is the unit of text a model reads; most words are one or two tokens.",
                "Call 0800 123 4567 or write to support, and mention ticket 8842.");
    }

    @ParameterizedTest
    @MethodSource("nearMisses")
    void nearMissesAreNotFlagged(String text) {
        assertThat(FILTER.scan(text)).as("findings in %s", text).isEmpty();
    }

    static Stream<String> prefixTokens() {
        return Stream.of("ghp_" + alnum(36), "sk_live_" + alnum(24), "AKIA" + random(UPPER_ALNUM, 16, 2), "npm_" + alnum(36),
                "glpat-" + alnum(20), "gsk_" + alnum(52), "dckr_pat_" + alnum(27));
    }

    @ParameterizedTest
    @MethodSource("prefixTokens")
    void aTokenGluedToLettersIsNotFlagged(String token) {
        assertThat(FILTER.scan("word" + token)).isEmpty();
        assertThat(FILTER.scan(token)).hasSize(1);
    }
}
