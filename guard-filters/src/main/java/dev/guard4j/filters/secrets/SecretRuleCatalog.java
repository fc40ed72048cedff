package dev.guard4j.filters.secrets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The built-in secret formats, as data: provider tokens recognised by their prefix, values
 * recognised by the provider name they are assigned to, and a handful of structural formats
 * (private keys, JWTs, URLs with credentials, connection strings).
 *
 * <p>Every pattern is written to run in linear time: quantifiers are bounded and never nested
 * over overlapping classes, and each pattern is tried only in a window after its keyword.
 */
final class SecretRuleCatalog {

    static final String SECRET = "SECRET";
    static final String PASSWORD = "PASSWORD";
    static final String AWS_ACCESS_KEY = "AWS_ACCESS_KEY";
    static final String AWS_SECRET_KEY = "AWS_SECRET_KEY";

    /** Not preceded by a letter or digit: a token starts at a word boundary. */
    private static final String LEFT = "(?<![A-Za-z0-9.])";
    /** Not followed by a token character: the token ends here. */
    private static final String RIGHT = "(?![A-Za-z0-9_\\-])";
    /** A name starts at a word boundary or at a camelCase hump (so "SetSysctl" does not hold "etsy"). */
    private static final String NAME_LEFT = "(?-i:(?<![A-Za-z0-9])|(?<=[a-z0-9])(?=[A-Z]))";
    /** The provider's word ends at a word or camelCase boundary (so "sumObj" does not hold "sumo"). */
    private static final String NAME_RIGHT = "(?-i:(?<![A-Za-z])|(?![a-z]))";
    /** The rest of a name after the provider's word, allowing a type between name and operator ("var x string ="). */
    private static final String NAME_TAIL = "[\\w.\\-]{0,30}(?:[ \\t]{1,3}[\\w.\\-]{1,20}){0,2}";
    /** An assignment in any of the usual syntaxes (=, :, :=, ::=, ?=, .=, =>, XML element, comma in a call). */
    private static final String ASSIGN = "(?:\\[\\d{0,4}\\])?['\"]?[ \\t]{0,12}(?:=>|:{1,3}=|\\?=|\\.=|=|:|>|,|\\|\\||[ \\t]{1,3})[`'\"\\s=@]{0,6}";
    /** A value ends at a quote, a separator, an escaped newline or the end of the text. */
    private static final String VALUE_END = "(?=[`'\"\\s;,)<>\\]}|&]|\\\\[nrt]|$)";

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** Provider tokens with a distinctive prefix: id, pattern, keywords (case-sensitive, '|'-separated). */
    private static final String[][] TOKENS = {
        // cloud
        {"aws-access-key-id", "(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}", "A3T|AKIA|ASIA|ABIA|ACCA"},
        {"aws-bedrock-api-key", "ABSK[A-Za-z0-9+/]{109,269}={0,2}", "ABSK"},
        {"aws-bedrock-short-term-api-key", "bedrock-api-key-[A-Za-z0-9+/]{20,2000}={0,2}", "bedrock-api-key-"},
        {"gcp-api-key", "AIza[\\w\\-]{35}", "AIza"},
        {"alibaba-access-key-id", "LTAI[A-Za-z0-9]{12,20}", "LTAI"},
        {"digitalocean-token", "do[opr]_v1_[a-f0-9]{64}", "dop_v1_|doo_v1_|dor_v1_"},
        {"heroku-api-key-v2", "HRKU-AA[\\w\\-]{58}", "HRKU-"},
        {"databricks-api-token", "dapi[a-f0-9]{32}(?:-\\d)?", "dapi"},
        {"doppler-api-token", "dp\\.pt\\.[A-Za-z0-9]{43}", "dp.pt."},
        {"dynatrace-api-token", "dt0c01\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64}", "dt0c01."},
        {"flyio-access-token", "(?:fo1_[\\w\\-]{43}|fm[12][ar]?_[A-Za-z0-9+/]{100,2000}={0,3})", "fo1_|fm1_|fm2_|fm1a_|fm1r_|fm2a_|fm2r_"},
        {"cloudflare-origin-ca-key", "v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}", "v1.0-"},
        {"yandex-api-key", "AQVN[A-Za-z0-9_\\-]{35,38}", "AQVN"},
        {"yandex-aws-access-token", "YC[A-Za-z0-9_\\-]{38}", "YC"},
        {"openshift-user-token", "sha256~[\\w\\-]{43}", "sha256~"},
        {"scalingo-api-token", "tk-us-[\\w\\-]{48}", "tk-us-"},
        {"pulumi-api-token", "pul-[a-f0-9]{40}", "pul-"},
        {"prefect-api-token", "pnu_[A-Za-z0-9]{36}", "pnu_"},
        {"hashicorp-vault-token", "hv[sb]\\.[\\w\\-]{90,300}", "hvs.|hvb."},
        {"hashicorp-terraform-token", "[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9=_\\-]{60,70}", ".atlasv1."},
        {"defined-networking-api-token", "dnkey-[a-z0-9=_\\-]{26}-[a-z0-9=_\\-]{52}", "dnkey-"},
        {"harness-api-key", "(?:pat|sat)\\.[A-Za-z0-9_\\-]{22}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{20}", "pat.|sat."},
        {"octopus-deploy-api-key", "API-[A-Z0-9]{26}", "API-"},
        // version control and CI
        {"github-pat", "ghp_[A-Za-z0-9]{36}", "ghp_"},
        {"github-oauth", "gho_[A-Za-z0-9]{36}", "gho_"},
        {"github-app-token", "gh[us]_[A-Za-z0-9]{36}", "ghu_|ghs_"},
        {"github-refresh-token", "ghr_[A-Za-z0-9]{36}", "ghr_"},
        {"github-fine-grained-pat", "github_pat_[A-Za-z0-9_]{60,120}", "github_pat_"},
        {"gitlab-pat", "glpat-[\\w\\-]{20}(?:[\\w\\-]{7,280}\\.[0-9a-z]{2}[0-9a-z]{7})?", "glpat-"},
        {"gitlab-pipeline-trigger-token", "glptt-[0-9a-zA-Z_\\-]{40}", "glptt-"},
        {"gitlab-runner-token", "glrt-[\\w\\-]{20}(?:[\\w\\-]{7,280}\\.[0-9a-z]{2}[0-9a-z]{7})?", "glrt-"},
        {"gitlab-runner-registration-token", "GR1348941[\\w\\-]{19,49}[A-Za-z0-9]", "GR1348941"},
        {"gitlab-cicd-job-token", "glcbt-[\\w\\-]{20,30}", "glcbt-"},
        {"gitlab-deploy-token", "gldt-[\\w\\-]{20}", "gldt-"},
        {"gitlab-feed-token", "glft-[\\w\\-]{20}", "glft-"},
        {"gitlab-incoming-mail-token", "glimt-[\\w\\-]{25}", "glimt-"},
        {"gitlab-kubernetes-agent-token", "glagent-[\\w\\-]{50,}", "glagent-"},
        {"gitlab-oauth-app-secret", "gloas-[\\w\\-]{64}", "gloas-"},
        {"gitlab-scim-token", "glsoat-[\\w\\-]{19,49}[A-Za-z0-9]", "glsoat-"},
        {"gitlab-feature-flag-token", "glffct-[\\w\\-]{20}", "glffct-"},
        {"gitlab-session-cookie", "_gitlab_session=[0-9a-z]{32}", "_gitlab_session="},
        {"softlayer-api-url-key", "api\\.softlayer\\.com/soap/v3(?:\\.1)?/[a-z0-9]{64}", "api.softlayer.com"},
        {"discord-bot-token", "[MNO][A-Za-z0-9_\\-]{23,27}\\.[A-Za-z0-9_\\-]{6}\\.[A-Za-z0-9_\\-]{27,40}", "MD|MT|Mj|Mz|ND|NT|Nj|Nz|OD|OT|Oj|Oz"},
        {"bitbucket-app-password", "ATBB[A-Za-z0-9_=.\\-]{32}", "ATBB"},
        {"circleci-personal-token", "CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40}", "CCIPAT_"},
        {"atlassian-api-token-v2", "ATATT3[A-Za-z0-9_\\-=]{186}", "ATATT3"},
        {"sourcegraph-access-token", "sgp_(?:[A-Fa-f0-9]{16}_|local_)?[A-Fa-f0-9]{40}", "sgp_"},
        {"sonar-api-token", "sq[pua]_[A-Za-z0-9]{40}", "sqp_|squ_|sqa_"},
        {"linear-api-key", "lin_api_[A-Za-z0-9]{40}", "lin_api_"},
        {"postman-api-token", "PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34}", "PMAK-"},
        {"readme-api-token", "rdme_[a-z0-9]{70}", "rdme_"},
        {"grafana-api-key", "eyJrIjoi[A-Za-z0-9]{70,400}={0,3}", "eyJrIjoi"},
        {"grafana-cloud-api-token", "glc_[A-Za-z0-9+/]{32,400}={0,3}", "glc_"},
        {"grafana-service-account-token", "glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}", "glsa_"},
        {"new-relic-user-api-key", "NRAK-[A-Za-z0-9]{27}", "NRAK-"},
        {"new-relic-browser-api-token", "NRJS-[a-f0-9]{19}", "NRJS-"},
        {"new-relic-insert-key", "NRII-[A-Za-z0-9\\-]{32}", "NRII-"},
        {"sentry-org-token", "sntrys_eyJpYXQiO[A-Za-z0-9+/=_]{50,600}", "sntrys_"},
        {"sentry-user-token", "sntryu_[a-f0-9]{64}", "sntryu_"},
        {"settlemint-token", "sm_(?:pat|aat|sat)_[A-Za-z0-9]{16}", "sm_pat_|sm_aat_|sm_sat_"},
        {"typeform-api-token", "tfp_[A-Za-z0-9\\-_.=]{59}", "tfp_"},
        {"frameio-api-token", "fio-u-[A-Za-z0-9\\-_=]{64}", "fio-u-"},
        {"infracost-api-token", "ico-[A-Za-z0-9]{32}", "ico-"},
        {"intra42-client-secret", "s-s4t2(?:ud|af)-[a-f0-9]{64}", "s-s4t2"},
        {"age-secret-key", "AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}", "AGE-SECRET-KEY-1"},
        {"adobe-client-secret", "p8e-[A-Za-z0-9]{32}", "p8e-"},
        {"airtable-personal-access-token", "pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}", "pat"},
        {"authress-service-client-access-key", "(?:sc|ext|scauth|authress)_[a-z0-9]{5,30}\\.[a-z0-9]{4,6}\\.acc[_\\-][a-z0-9\\-]{10,32}\\.[a-z0-9+/_=\\-]{30,120}", "sc_|ext_|scauth_|authress_"},
        {"1password-service-account-token", "ops_eyJ[A-Za-z0-9+/]{250,4000}={0,3}", "ops_eyJ"},
        {"1password-secret-key", "A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}", "A3-"},
        {"clickhouse-cloud-api-secret-key", "4b1d[A-Za-z0-9]{38}", "4b1d"},
        {"maxmind-license-key", "[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk", "_mmk"},
        {"easypost-api-token", "EZ[AT]K[A-Za-z0-9]{54}", "EZAK|EZTK"},
        {"duffel-api-token", "duffel_(?:test|live)_[A-Za-z0-9_\\-=]{43}", "duffel_"},
        {"flutterwave-key", "FLW(?:PUB|SEC)K_TEST-[a-hA-H0-9]{32}-X|FLWSECK_TEST-[a-hA-H0-9]{12}", "FLWPUBK_|FLWSECK_"},
        {"shippo-api-token", "shippo_(?:live|test)_[a-fA-F0-9]{40}", "shippo_"},
        {"lob-api-key", "(?:live|test)_(?:pub_)?[a-f0-9]{31,35}", "live_|test_"},
        // chat, mail and payments
        {"slack-bot-token", "xoxb-\\d{8,13}-[A-Za-z0-9\\-]{9,249}[A-Za-z0-9]", "xoxb-"},
        {"slack-user-token", "xox[pe]-\\d{6,13}-[A-Za-z0-9\\-]{9,249}[A-Za-z0-9]", "xoxp-|xoxe-"},
        {"slack-legacy-token", "xox[aors]-\\d{1,13}-[A-Za-z0-9\\-]{9,249}[A-Za-z0-9]", "xoxa-|xoxo-|xoxr-|xoxs-"},
        {"slack-config-token", "xoxe\\.xox[bp]-\\d-[A-Za-z0-9]{100,300}", "xoxe.xox"},
        {"slack-config-refresh-token", "xoxe-\\d-[A-Za-z0-9]{100,300}", "xoxe-"},
        {"slack-app-token", "(?i:xapp-\\d-[A-Z0-9]{1,20}-\\d{1,20}-[a-z0-9]{10,100})", "xapp-"},
        {"slack-webhook-url", "(?:https?://)?hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_\\-]{20,150}", "hooks.slack.com"},
        {"microsoft-teams-webhook", "https://[a-z0-9\\-]{1,60}\\.webhook\\.office\\.com/webhookb2/[a-z0-9\\-]{36}@[a-z0-9\\-]{36}/IncomingWebhook/[a-z0-9]{32}/[a-z0-9\\-]{36}", "webhook.office.com"},
        {"telegram-bot-token", "\\d{8,10}:AA[0-9A-Za-z_\\-]{33}", ":AA"},
        {"twilio-api-key", "(?:SK|AC)[a-z0-9]{32}", "SK|AC"},
        {"sendgrid-api-token", "SG\\.[A-Za-z0-9=_.\\-]{66}", "SG."},
        {"sendinblue-api-token", "xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}", "xkeysib-"},
        {"mailgun-private-api-token", "key-[a-f0-9]{32}", "key-"},
        {"mailgun-pub-key", "pubkey-[a-f0-9]{32}", "pubkey-"},
        {"mailchimp-api-key", "[0-9a-f]{32}-us\\d{1,2}", "-us"},
        {"stripe-access-token", "(?:sk|rk)_(?:test|live|prod)_[A-Za-z0-9]{10,99}", "sk_|rk_"},
        {"square-access-token", "(?:EAAA|sq0atp-)[A-Za-z0-9_\\-]{22,60}", "EAAA|sq0atp-"},
        {"square-secret", "sq0csp-[0-9A-Za-z\\\\_\\]\\-]{43}", "sq0csp-"},
        {"paypal-braintree-access-token", "access_token\\$production\\$[0-9a-z]{16}\\$[0-9a-f]{32}", "access_token$production$"},
        {"shopify-shared-secret", "shpss_[a-fA-F0-9]{32}", "shpss_"},
        {"shopify-access-token", "shpat_[a-fA-F0-9]{32}", "shpat_"},
        {"shopify-custom-access-token", "shpca_[a-fA-F0-9]{32}", "shpca_"},
        {"shopify-private-app-access-token", "shppa_[a-fA-F0-9]{32}", "shppa_"},
        {"facebook-page-access-token", "EAA[MC][A-Za-z0-9]{100,400}", "EAAM|EAAC"},
        {"twitter-bearer-token", "A{22}[A-Za-z0-9%]{80,100}", "AAAAAAAAAAAAAAAAAAAAAA"},
        {"mapbox-api-token", "(?:pk|sk)\\.[a-z0-9]{60}\\.[a-z0-9]{22}", "pk.|sk."},
        {"notion-api-token", "ntn_[0-9]{11}[A-Za-z0-9]{35}", "ntn_"},
        // model providers
        {"openai-api-key", "sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\\-]{20,74}T3BlbkFJ[A-Za-z0-9_\\-]{20,74}", "sk-"},
        {"openai-project-key", "sk-(?:proj|svcacct|admin)-[A-Za-z0-9_\\-]{100,200}", "sk-proj-|sk-svcacct-|sk-admin-"},
        {"anthropic-api-key", "sk-ant-(?:api03|admin01)-[\\w\\-]{80,100}AA", "sk-ant-"},
        {"huggingface-access-token", "hf_[A-Za-z]{34}", "hf_"},
        {"huggingface-organization-api-token", "api_org_[A-Za-z]{34}", "api_org_"},
        {"groq-api-key", "gsk_[A-Za-z0-9]{52}", "gsk_"},
        {"replicate-api-token", "r8_[A-Za-z0-9]{37}", "r8_"},
        {"perplexity-api-key", "pplx-[A-Za-z0-9]{48}", "pplx-"},
        {"xai-api-key", "xai-[A-Za-z0-9]{80}", "xai-"},
        {"langsmith-api-key", "lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}", "lsv2_"},
        {"pinecone-api-key", "pcsk_[A-Za-z0-9_]{50,90}", "pcsk_"},
        // package registries
        {"npm-access-token", "npm_[A-Za-z0-9]{36}", "npm_"},
        {"pypi-upload-token", "pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_\\-]{50,1000}", "pypi-"},
        {"nuget-api-key", "oy2[a-z0-9]{43}", "oy2"},
        {"rubygems-api-token", "rubygems_[a-f0-9]{48}", "rubygems_"},
        {"dockerhub-pat", "dckr_pat_[A-Za-z0-9_\\-]{27}", "dckr_pat_"},
        {"clojars-api-token", "(?i:CLOJARS_[a-z0-9]{60})", "CLOJARS_"},
        {"artifactory-api-key", "AKC[A-Za-z0-9]{10,100}", "AKC"},
        {"artifactory-password", "AP[0-9A-F][A-Za-z0-9]{8,100}", "AP"},
        {"artifactory-reference-token", "cmVmd[A-Za-z0-9]{59}", "cmVmd"},
        {"planetscale-token", "pscale_(?:pw|tkn|oauth)_[\\w=.\\-]{32,64}", "pscale_"},
    };

    /** Values recognised by the provider name they are assigned to: id, value pattern, names ('|'-separated). */
    private static final String[][] NAMED = {
        {"aws-secret-access-key", "[A-Za-z0-9/+=]{40}", "aws_secret|aws-secret|awssecret|aws_access_key|aws-access-key|secret_access_key|secret-access-key|secretaccesskey|aws_secret_key"},
        {"aws-session-token", "[A-Za-z0-9/+=]{100,1000}", "aws_session_token|aws-session-token|awssessiontoken"},
        {"alibaba-secret-key", "[a-z0-9]{30}", "alibaba"},
        {"heroku-api-key", UUID, "heroku"},
        {"ibm-cloud-iam-key", "[A-Za-z0-9_\\-]{44}", "ibm_cloud|ibm-cloud|ibmcloud|cloud_iam|cloud-iam|ibm_iam|ibm-iam|iam_api"},
        {"ibm-cos-hmac-secret", "[a-f0-9]{48}", "secret_access_key|secret-access-key|cos_secret|cos-secret|cos_hmac|cos-hmac|ibm_cos|ibm-cos"},
        {"softlayer-api-key", "[a-z0-9]{64}", "softlayer|sl_api|sl-api|slapi|sl_key|sl-key"},
        {"cloudant-credential", "[0-9a-f]{64}|[a-z]{24}", "cloudant|clou_|cl_"},
        {"bitbucket-client-credential", "[a-z0-9=_\\-]{32}(?:[a-z0-9=_\\-]{32})?", "bitbucket"},
        {"circleci-api-token", "[a-f0-9]{40}", "circleci|circle_token|circle-token|circletoken"},
        {"travisci-access-token", "[a-z0-9]{22}", "travisci|travis"},
        {"droneci-access-token", "[a-z0-9]{32}", "droneci|drone"},
        {"codecov-access-token", "[a-z0-9]{32}", "codecov"},
        {"sonar-api-token-named", "[a-z0-9=_\\-]{40}", "sonarqube|sonarcloud|sonar"},
        {"snyk-api-token", UUID, "snyk"},
        {"jfrog-api-key", "[a-z0-9]{73}|[a-z0-9]{64}", "jfrog|artifactory|bintray|xray"},
        {"netlify-access-token", "[a-z0-9=_\\-]{40,46}", "netlify"},
        {"atlassian-api-token", "[a-z0-9]{24}", "atlassian|confluence|jira"},
        {"gitter-access-token", "[a-z0-9_\\-]{40}", "gitter"},
        {"sentry-access-token", "[a-f0-9]{64}", "sentry"},
        {"new-relic-user-api-id", "[a-z0-9]{64}", "new-relic|newrelic|new_relic"},
        {"datadog-access-token", "[a-z0-9]{40}", "datadog"},
        {"launchdarkly-access-token", "[a-z0-9=_\\-]{40}", "launchdarkly"},
        {"okta-access-token", "00[\\w=\\-]{40}", "okta"},
        {"vault-service-token", "s\\.[A-Za-z0-9]{24}", "vault|token"},
        {"discord-credential", "[a-f0-9]{64}|\\d{18}|[a-z0-9=_\\-]{32}", "discord"},
        {"telegram-bot-api-token", "\\d{5,16}:A[a-z0-9_\\-]{34}", "telegram|telegr|tgram"},
        {"mailgun-signing-key", "[a-h0-9]{32}-[a-h0-9]{8}-[a-h0-9]{8}", "mailgun"},
        {"messagebird-credential", "[a-z0-9]{25}|" + UUID, "messagebird|message_bird|message-bird"},
        {"sendbird-credential", "[a-f0-9]{40}|" + UUID, "sendbird"},
        {"mattermost-access-token", "[a-z0-9]{26}", "mattermost"},
        {"intercom-api-key", "[a-z0-9=_\\-]{60}", "intercom"},
        {"plaid-credential", "[a-z0-9]{24}|[a-z0-9]{30}|access-(?:sandbox|development|production)-" + UUID, "plaid"},
        {"gocardless-api-token", "live_[a-z0-9\\-_=]{40}", "gocardless"},
        {"coinbase-access-token", "[a-z0-9_\\-]{64}", "coinbase"},
        {"kraken-access-token", "[a-z0-9/=_+\\-]{80,90}", "kraken"},
        {"kucoin-credential", "[a-f0-9]{24}|" + UUID, "kucoin"},
        {"bittrex-credential", "[a-z0-9]{32}", "bittrex"},
        {"finicity-credential", "[a-z0-9]{20}|[a-f0-9]{32}", "finicity"},
        {"cohere-api-token", "[A-Za-z0-9]{40}", "cohere|co_api_key"},
        {"mistral-api-key", "[A-Za-z0-9]{32}", "mistral"},
        {"adafruit-api-key", "[a-z0-9_\\-]{32}", "adafruit"},
        {"adobe-client-id", "[a-f0-9]{32}", "adobe"},
        {"airtable-api-key", "[a-z0-9]{17}", "airtable"},
        {"algolia-api-key", "[a-z0-9]{32}", "algolia"},
        {"asana-credential", "\\d{16}|[a-z0-9]{32}", "asana"},
        {"beamer-api-token", "b_[a-z0-9=_\\-]{44}", "beamer"},
        {"confluent-credential", "[a-z0-9]{16}|[a-z0-9]{64}", "confluent"},
        {"contentful-delivery-api-token", "[a-z0-9=_\\-]{43}", "contentful"},
        {"dropbox-api-token", "[a-z0-9]{15}|sl\\.[a-z0-9\\-=_]{135}|[a-z0-9]{11}AAAAAAAAAA[a-z0-9\\-_=]{43}", "dropbox"},
        {"etsy-access-token", "[a-z0-9]{24}", "etsy"},
        {"facebook-secret", "[a-f0-9]{32}|\\d{15,16}(?:\\||%)[0-9a-z\\-_]{27,40}", "facebook"},
        {"fastly-api-token", "[a-z0-9=_\\-]{32}", "fastly"},
        {"finnhub-access-token", "[a-z0-9]{20}", "finnhub"},
        {"flickr-access-token", "[a-z0-9]{32}", "flickr"},
        {"freshbooks-access-token", "[a-z0-9]{64}", "freshbooks"},
        {"linkedin-credential", "[a-z0-9]{14}|[a-z0-9]{16}", "linkedin|linked-in|linked_in"},
        {"looker-credential", "[a-z0-9]{20}|[a-z0-9]{24}", "looker"},
        {"cisco-meraki-api-key", "[0-9a-f]{40}", "meraki"},
        {"nytimes-access-token", "[a-z0-9=_\\-]{32}", "nytimes|new-york-times|newyorktimes"},
        {"privateai-api-token", "[a-z0-9]{32}", "privateai|private_ai|private-ai"},
        {"rapidapi-access-token", "[a-z0-9_\\-]{50}", "rapidapi"},
        {"sumologic-credential", "su[A-Za-z0-9]{12}|[a-z0-9]{64}", "sumologic|sumo"},
        {"trello-access-token", "[a-z0-9]{32}", "trello"},
        {"twitch-api-token", "[a-z0-9]{30}", "twitch"},
        {"twitter-credential", "[a-z0-9]{25}|[a-z0-9]{45}|[a-z0-9]{50}|\\d{15,25}-[a-z0-9]{20,40}", "twitter"},
        {"yandex-access-token", "t1\\.[A-Z0-9a-z_\\-]{1,200}={0,2}\\.[A-Z0-9a-z_\\-]{86}={0,2}", "yandex"},
        {"zendesk-secret-key", "[a-z0-9]{40}", "zendesk"},
        {"squarespace-access-token", UUID, "squarespace"},
        {"hubspot-api-key", UUID, "hubspot"},
        {"linear-client-secret", "[a-f0-9]{32}", "linear"},
        {"lob-credential", "(?:live|test)_(?:pub_)?[a-f0-9]{31,35}", "lob"},
        {"cloudflare-api-key", "[a-f0-9]{37}|[a-z0-9_\\-]{40}", "cloudflare"},
        {"sourcegraph-access-token-named", "[a-f0-9]{40}", "sourcegraph"},
        {"sidekiq-secret", "[a-f0-9]{8}:[a-f0-9]{8}", "bundle_enterprise__contribsys__com|bundle_gems__contribsys__com"},
        {"azure-storage-account-key", "[A-Za-z0-9+/]{86}==", "accountkey"},
        {"azure-shared-access-key", "[A-Za-z0-9+/]{43}=", "sharedaccesskey"},
    };

    /** Token rules whose keyword is not the token's first characters. */
    private static final java.util.Set<String> KEYWORD_INSIDE = java.util.Set.of("hashicorp-terraform-token", "maxmind-license-key",
            "mailchimp-api-key", "telegram-bot-token", "microsoft-teams-webhook", "slack-webhook-url");

    private SecretRuleCatalog() {
    }

    /** Returns every built-in rule. */
    static List<SecretRule> rules() {
        List<SecretRule> rules = new ArrayList<>();
        for (String[] token : TOKENS) {
            rules.add(token(token[0], token[1], token[2].split("\\|")));
        }
        for (String[] named : NAMED) {
            rules.add(named(named[0], named[1], named[2].split("\\|")));
        }
        rules.addAll(StructuralRules.rules());
        rules.addAll(GenericSecretRules.rules());
        return refine(rules);
    }

    /** Adjusts the rules whose data row alone cannot say everything (category, extra checks). */
    private static List<SecretRule> refine(List<SecretRule> rules) {
        List<SecretRule> refined = new ArrayList<>(rules.size());
        for (SecretRule rule : rules) {
            refined.add(switch (rule.id()) {
                case "aws-access-key-id" -> rule.withCategory(AWS_ACCESS_KEY);
                case "aws-secret-access-key", "aws-session-token" -> rule.withCategory(AWS_SECRET_KEY);
                // placeholders such as hf_xxxx or s.xxxx are not secrets
                case "huggingface-access-token", "huggingface-organization-api-token", "gcp-api-key",
                        "hashicorp-vault-token" -> rule.withMinEntropy(3.0);
                case "sumologic-credential" -> rule.withCheck((text, match, value) -> value.chars().anyMatch(Character::isDigit));
                case "vault-service-token" -> rule.withCheck((text, match, value) -> mixedCaseWithDigit(value.substring(2)));
                case "artifactory-password", "artifactory-api-key" -> rule.withCheck((text, match, value) -> hasLowerCase(value));
                case "twilio-api-key", "discord-bot-token", "mailchimp-api-key", "telegram-bot-token", "lob-api-key", "yandex-aws-access-token",
                        "octopus-deploy-api-key", "mapbox-api-token", "airtable-personal-access-token" -> rule.withScore(0.8);
                default -> rule;
            });
        }
        return refined;
    }

    static boolean hasLowerCase(String value) {
        return value.chars().anyMatch(c -> c >= 'a' && c <= 'z');
    }

    static boolean mixedCaseWithDigit(String value) {
        return hasLowerCase(value)
                && value.chars().anyMatch(c -> c >= 'A' && c <= 'Z')
                && value.chars().anyMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * Returns a rule for a token with a distinctive, case-sensitive prefix.
     *
     * @param id the rule id
     * @param regex the token, starting with one of the keywords
     * @param keywords the prefixes
     * @return the rule
     */
    static SecretRule token(String id, String regex, String... keywords) {
        // a few keywords sit inside the token (".atlasv1.", "-us", ":AA", "_mmk"): those rules look a little before them
        int lookBehind = KEYWORD_INSIDE.contains(id) ? 40 : 0;
        return new SecretRule(id, SECRET, Pattern.compile(LEFT + "(?:" + regex + ")" + RIGHT), Arrays.asList(keywords), true,
                lookBehind, 4200, 0, 0.95, SecretRule.ANY);
    }

    /**
     * Returns a rule for a value assigned to a name that holds the provider's word.
     *
     * @param id the rule id
     * @param value the value's pattern
     * @param names the provider words, matched ignoring case
     * @return the rule
     */
    static SecretRule named(String id, String value, String... names) {
        StringBuilder alternatives = new StringBuilder();
        for (String name : names) {
            alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(name));
        }
        String regex = "(?i)" + NAME_LEFT + "(?:" + alternatives + ")" + NAME_RIGHT + NAME_TAIL + ASSIGN + "((?:" + value + "))" + VALUE_END;
        return new SecretRule(id, SECRET, Pattern.compile(regex), Arrays.asList(names), false, 0, 400, 2.0, 0.85, SecretRule.ANY);
    }
}
