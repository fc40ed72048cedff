package dev.guard4j.filters.injection;

import dev.guard4j.Finding;
import java.util.List;

/**
 * How likely a text is an injection or jailbreak, and why.
 *
 * @param score the combined score in [0, 1]
 * @param modelScore the learned model's probability alone
 * @param category {@code PROMPT_INJECTION} or {@code JAILBREAK}: what the strongest evidence points to
 * @param findings one finding per matched signal (with its span), plus the model's when it contributed
 */
public record InjectionAssessment(double score, double modelScore, String category, List<Finding> findings) {

    /**
     * Copies the findings.
     *
     * @param score the combined score in [0, 1]
     * @param modelScore the learned model's probability alone
     * @param category {@code PROMPT_INJECTION} or {@code JAILBREAK}: what the strongest evidence points to
     * @param findings one finding per matched signal (with its span), plus the model's when it contributed
     */
    public InjectionAssessment {
        findings = List.copyOf(findings);
    }
}
