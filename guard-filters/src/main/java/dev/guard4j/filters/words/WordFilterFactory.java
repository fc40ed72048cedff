package dev.guard4j.filters.words;

import dev.guard4j.filters.policy.FilterFactory;
import dev.guard4j.filters.policy.FilterSettings;
import dev.guard4j.filters.redact.Action;
import dev.guard4j.filters.text.TextAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes a {@link WordFilter} from a policy's {@code words} section.
 *
 * <pre>{@code
 * - filter: words
 *   profanity: block                 # off (default), block, redact, mask or report-only
 *   stemming: english                # none, english, german, french, spanish, ...
 *   tokenization: words              # words (default: "acme's", "acme.com" match "acme") or standard (UAX #29)
 *   max-input-chars: 1000000
 *   lists:
 *     - name: competitors
 *       category: COMPETITOR         # default CUSTOM_WORDS
 *       action: redact               # block (default), redact, mask, report-only
 *       mask: "[COMPETITOR]"         # default "[CATEGORY]"
 *       words: [Acme, Globex Corp]
 *       file: competitors.txt        # one entry per line, # comments; adds to words
 *   regexes:
 *     - name: ticket
 *       pattern: "TICKET-\\d{4,8}"
 *       action: redact
 *       category: CUSTOM_REGEX       # the default
 * }</pre>
 */
public final class WordFilterFactory implements FilterFactory {

    /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
    public WordFilterFactory() {
    }

    @Override
    public String name() {
        return "words";
    }

    @Override
    public Object create(FilterSettings settings) {
        WordFilter.Builder builder = WordFilter.builder();
        String profanity = settings.string("profanity", "off");
        if (!profanity.equalsIgnoreCase("off")) {
            builder.profanity(settings.choice("profanity", Action.class, Action.BLOCK));
        }
        builder.stemming(settings.choice("stemming", TextAnalyzer.Stemming.class, TextAnalyzer.Stemming.ENGLISH));
        builder.tokenization(settings.choice("tokenization", TextAnalyzer.Tokenization.class, TextAnalyzer.Tokenization.WORDS));
        builder.maxInputChars(settings.integer("max-input-chars", WordFilter.DEFAULT_MAX_INPUT_CHARS, 1, Integer.MAX_VALUE));
        for (FilterSettings list : settings.sections("lists")) {
            builder.list(wordList(list));
        }
        for (FilterSettings rule : settings.sections("regexes")) {
            builder.regex(regexRule(rule));
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            String key = e.getMessage().startsWith("regex rule") ? "regexes" : "lists";
            throw settings.error(key, e.getMessage());
        }
    }

    private static WordList wordList(FilterSettings list) {
        String name = required(list, "name");
        String category = list.string("category", WordList.CUSTOM_WORDS);
        Action action = list.choice("action", Action.class, Action.BLOCK);
        String mask = list.string("mask", "[" + category + "]");
        List<String> entries = new ArrayList<>(list.strings("words"));
        Optional<Path> file = list.path("file");
        if (file.isPresent()) {
            try (InputStream in = Files.newInputStream(file.get())) {
                entries.addAll(ManagedWordLists.readEntries(in));
            } catch (IOException e) {
                throw list.error("file", "cannot read word list file " + file.get() + ": " + e.getMessage());
            }
        }
        try {
            return new WordList(name, category, action, mask, entries);
        } catch (IllegalArgumentException e) {
            String key = entries.isEmpty() ? "words" : e.getMessage().contains("action") ? "action" : "name";
            throw list.error(key, e.getMessage());
        }
    }

    private static RegexRule regexRule(FilterSettings rule) {
        String name = required(rule, "name");
        String pattern = required(rule, "pattern");
        String category = rule.string("category", RegexRule.CUSTOM_REGEX);
        Action action = rule.choice("action", Action.class, Action.BLOCK);
        String mask = rule.string("mask", "[" + name.toUpperCase(java.util.Locale.ROOT) + "]");
        try {
            RegexRule regex = new RegexRule(name, pattern, category, action, mask);
            SafeRegex.compile(regex);
            return regex;
        } catch (IllegalArgumentException e) {
            throw rule.error(e.getMessage().contains("action") ? "action" : "pattern", e.getMessage());
        }
    }

    private static String required(FilterSettings settings, String key) {
        return settings.string(key).filter(s -> !s.isBlank())
                .orElseThrow(() -> settings.error(key, "'" + key + "' is required"));
    }
}
