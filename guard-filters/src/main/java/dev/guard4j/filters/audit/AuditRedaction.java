package dev.guard4j.filters.audit;

import dev.guard4j.Content;
import dev.guard4j.Verdict;
import dev.guard4j.filters.pii.PiiFilter;
import dev.guard4j.filters.redact.Action;
import dev.guard4j.filters.secrets.SecretsFilter;
import java.util.function.UnaryOperator;

/**
 * Redactions for {@code Guard.Builder.recordText}: what the opt-in text record of an audit event
 * may keep.
 *
 * <pre>{@code
 * Guard.builder()...audit(auditLog).recordText(AuditRedaction.piiAndSecrets()).build();
 * }</pre>
 */
public final class AuditRedaction {

    private AuditRedaction() {
    }

    /**
     * Returns a redaction that replaces every secret and every PII entity (every supported
     * category, dates and times included) with its category placeholder, such as {@code <EMAIL>}.
     * Text the filters cannot scan (longer than their limit) is not recorded at all.
     *
     * @return the redaction
     */
    public static UnaryOperator<String> piiAndSecrets() {
        SecretsFilter secrets = SecretsFilter.builder().defaultAction(Action.REDACT).build();
        PiiFilter pii = PiiFilter.builder().categories(PiiFilter.supportedCategories()).defaultAction(Action.REDACT).build();
        return text -> {
            String redacted = apply(secrets.validate(Content.of(text, Content.Source.USER)), text);
            return apply(pii.validate(Content.of(redacted, Content.Source.USER)), redacted);
        };
    }

    private static String apply(Verdict verdict, String text) {
        if (verdict instanceof Verdict.Rewrite rewrite) {
            return rewrite.text();
        }
        if (verdict instanceof Verdict.Block) {
            // a REDACT filter blocks only what it cannot scan: keep nothing rather than the raw text
            return "[not recorded: " + ((Verdict.Block) verdict).reason() + "]";
        }
        return text;
    }
}
