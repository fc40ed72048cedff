package dev.guard4j;

/**
 * The category names Guard4j's own filters use beyond the PII entity types.
 *
 * <p>The vocabulary follows Amazon Bedrock Guardrails where Bedrock has a name (PII entity types
 * such as {@code EMAIL}, content filters such as {@code HATE}), Presidio's otherwise, and these
 * for the rest. Categories are plain strings, so custom filters may add their own.
 */
public final class Category {

    /** Instructions that try to override the application's own (direct or indirect). */
    public static final String PROMPT_INJECTION = "PROMPT_INJECTION";
    /** Attempts to make the model drop its safety rules (personas, "developer mode"). */
    public static final String JAILBREAK = "JAILBREAK";
    /** Credentials, keys and tokens. */
    public static final String SECRET = "SECRET";
    /** Zero-width, bidi-control or tag characters that carry hidden content. */
    public static final String INVISIBLE_TEXT = "INVISIBLE_TEXT";
    /** An answer that reproduces the system prompt. */
    public static final String SYSTEM_PROMPT_LEAK = "SYSTEM_PROMPT_LEAK";
    /** An answer too similar to a registered protected document. */
    public static final String PROTECTED_CONTENT = "PROTECTED_CONTENT";
    /** Bedrock content filter: hate. */
    public static final String HATE = "HATE";
    /** Bedrock content filter: insults. */
    public static final String INSULTS = "INSULTS";
    /** Bedrock content filter: sexual content. */
    public static final String SEXUAL = "SEXUAL";
    /** Bedrock content filter: violence. */
    public static final String VIOLENCE = "VIOLENCE";
    /** Bedrock content filter: misconduct. */
    public static final String MISCONDUCT = "MISCONDUCT";
    /** Bedrock's managed word list: profanity. */
    public static final String PROFANITY = "PROFANITY";
    /** A filter threw, returned null or overran its time budget. */
    public static final String FILTER_FAILURE = "FILTER_FAILURE";
    /** Text longer than the guard's hard limit. */
    public static final String OVERSIZED_INPUT = "OVERSIZED_INPUT";
    /** Content the guard cannot inspect (an image, audio, a PDF). */
    public static final String UNINSPECTED_CONTENT = "UNINSPECTED_CONTENT";

    private Category() {
    }
}
