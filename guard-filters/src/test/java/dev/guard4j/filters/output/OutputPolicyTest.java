package dev.guard4j.filters.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guard4j.GuardBlockedException;
import dev.guard4j.filters.policy.GuardPolicy;
import dev.guard4j.filters.policy.PolicyException;
import dev.guard4j.testing.ScriptedChatModel;
import dev.langchain4j.model.chat.ChatModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputPolicyTest {

    @TempDir
    Path folder;

    @Test
    void aPolicyFileBuildsEveryOutputFilterAndTheLimits() throws IOException {
        Files.writeString(folder.resolve("roadmap.txt"), ProtectedContentFilterTest.ROADMAP);
        Path policy = write("""
                version: 1
                input:
                  - filter: limits
                    settings:
                      max-message-chars: 1000
                      rate: {requests: 100, characters: 100000, window-seconds: 60}
                output:
                  - filter: system-prompt-leak
                    settings: {canary: true, threshold: 0.6}
                  - filter: protected-content
                    settings:
                      documents:
                        - {id: roadmap, file: roadmap.txt}
                      action: replace
                  - filter: links
                    settings: {allow-domains: [acme.com], action: redact}
                  - filter: json-output
                    settings: {when: json-requested}
                  - filter: code
                    settings: {threshold: 0.8}
                """);

        GuardPolicy loaded = GuardPolicy.load(policy);
        ScriptedChatModel model = new ScriptedChatModel().enqueue("Read https://evil.io/x and more.");
        ChatModel guarded = loaded.toGuard().wrap(model);

        assertThat(loaded.inputFilters()).hasSize(1);
        assertThat(loaded.outputFilters()).hasSize(5);
        assertThat(guarded.chat("hi")).isEqualTo("Read [link removed] and more.");
        assertThatThrownBy(() -> guarded.chat("x".repeat(1001))).isInstanceOf(GuardBlockedException.class);
    }

    @Test
    void badSettingsFailAtLoadTimeWithTheirKey() throws IOException {
        Path sampling = write("""
                version: 1
                output:
                  - filter: protected-content
                    settings:
                      sampling: 3
                      documents: [{id: a, text: "some words to protect here"}]
                """);
        Path schema = write("""
                version: 1
                output:
                  - filter: json-output
                    settings: {schema: "{not a schema"}
                """);

        assertThatThrownBy(() -> GuardPolicy.load(sampling)).isInstanceOf(PolicyException.class).hasMessageContaining("sampling");
        assertThatThrownBy(() -> GuardPolicy.load(schema)).isInstanceOf(PolicyException.class).hasMessageContaining("schema");
    }

    private Path write(String yaml) throws IOException {
        Path file = Files.createTempFile(folder, "policy", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
