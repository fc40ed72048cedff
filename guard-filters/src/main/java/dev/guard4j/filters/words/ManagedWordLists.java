package dev.guard4j.filters.words;

import dev.guard4j.Category;
import dev.guard4j.filters.redact.Action;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The word lists Guard4j maintains, switched on like Bedrock's managed word lists.
 *
 * <p>The profanity list covers English, German, French, Spanish, Italian and Portuguese
 * swear words, sexual vulgarities and slurs, written for Guard4j; see the resource files
 * {@code dev/guard4j/filters/words/profanity-*.txt}.
 */
public final class ManagedWordLists {

    /** The name of the managed profanity list, used in findings as {@code words.profanity}. */
    public static final String PROFANITY = "profanity";
    private static final List<String> LANGUAGES = List.of("en", "de", "fr", "es");

    private ManagedWordLists() {
    }

    /**
     * Returns the managed profanity list with category {@code PROFANITY} and mask {@code [PROFANITY]}.
     *
     * @param action what to do on a match
     * @return the list
     */
    public static WordList profanity(Action action) {
        return new WordList(PROFANITY, Category.PROFANITY, action, "[" + Category.PROFANITY + "]", Entries.PROFANITY);
    }

    /** Loaded on first use, once. */
    private static final class Entries {
        static final List<String> PROFANITY = load();

        private static List<String> load() {
            List<String> entries = new ArrayList<>();
            for (String language : LANGUAGES) {
                entries.addAll(read("profanity-" + language + ".txt"));
            }
            return List.copyOf(entries);
        }
    }

    /**
     * Reads a word list file: one entry per line, blank lines and lines starting with {@code #} skipped.
     *
     * @param in the file's bytes, UTF-8
     * @return the entries
     * @throws IOException when the stream cannot be read
     */
    public static List<String> readEntries(InputStream in) throws IOException {
        List<String> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    private static List<String> read(String resource) {
        try (InputStream in = ManagedWordLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("managed word list " + resource + " is missing from the jar");
            }
            return readEntries(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read managed word list " + resource, e);
        }
    }
}
