package dev.guard4j.filters.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes test policies to files and loads them with a fixed environment. */
final class PolicyFiles {

    static final Map<String, String> ENVIRONMENT = Map.of("GUARD4J_AUDIT_KEY", "s3cret-key-for-tests");

    private PolicyFiles() {
    }

    static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GuardPolicy load(Path dir, String yaml) {
        return GuardPolicy.load(write(dir, "policy.yaml", yaml), ENVIRONMENT::get);
    }
}
