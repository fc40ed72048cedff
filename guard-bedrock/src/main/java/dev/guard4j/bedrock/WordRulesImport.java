package dev.guard4j.bedrock;

import static dev.guard4j.bedrock.DefinitionReading.localAction;
import static dev.guard4j.bedrock.DefinitionReading.sides;
import static dev.guard4j.bedrock.DefinitionReading.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guard4j.bedrock.DefinitionReading.Action;
import dev.guard4j.bedrock.DefinitionReading.Side;
import dev.guard4j.filters.words.RegexRule;
import dev.guard4j.filters.words.WordFilter;
import dev.guard4j.filters.words.WordList;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects Bedrock custom words, the managed profanity list and regexes into one local {@link WordFilter} per side. */
final class WordRulesImport {

    private final Map<Side, Rules> sides = new EnumMap<>(Map.of(Side.INPUT, new Rules(), Side.OUTPUT, new Rules()));

    /** The word lists, profanity action and regexes collected for one side. */
    private static final class Rules {
        private final Map<dev.guard4j.filters.redact.Action, List<String>> words = new EnumMap<>(dev.guard4j.filters.redact.Action.class);
        private final List<RegexRule> regexes = new ArrayList<>();
        private dev.guard4j.filters.redact.Action profanity;

        boolean isEmpty() {
            return words.isEmpty() && regexes.isEmpty() && profanity == null;
        }

        WordFilter build() {
            WordFilter.Builder builder = WordFilter.builder();
            words.forEach((action, entries) -> builder.list(WordList.of("bedrock-words-" + action.name().toLowerCase(Locale.ROOT),
                    action, entries)));
            if (profanity != null) {
                builder.profanity(profanity);
            }
            regexes.forEach(builder::regex);
            return builder.build();
        }
    }

    void word(JsonNode node, String path, ImportedFilters out) {
        String word = text(node, "text");
        Action[] actions = sides(node);
        List<String> done = new ArrayList<>();
        for (Side side : Side.values()) {
            Action action = actions[side.ordinal()];
            if (action != Action.OFF) {
                sides.get(side).words.computeIfAbsent(localAction(action), a -> new ArrayList<>()).add(word);
                done.add(side.label() + " " + localAction(action));
            }
        }
        // the word itself stays out of the report: it may be offensive, and the report ends up in logs
        out.report(path, "custom word", done.isEmpty() ? ImportReport.Status.IGNORED : ImportReport.Status.MAPPED,
                done.isEmpty() ? "disabled on both sides"
                        : "WordFilter " + String.join(", ", done) + " (also matches case, accent, leetspeak and stem variants)");
    }

    void managedList(JsonNode node, String path, ImportedFilters out) {
        String type = text(node, "type").toUpperCase(Locale.ROOT);
        Action[] actions = sides(node);
        if (!"PROFANITY".equals(type)) {
            out.report(path, "managed word list " + type, ImportReport.Status.UNSUPPORTED, "no local list " + type + ": not enforced locally");
            return;
        }
        List<String> done = new ArrayList<>();
        for (Side side : Side.values()) {
            Action action = actions[side.ordinal()];
            if (action != Action.OFF) {
                sides.get(side).profanity = localAction(action);
                done.add(side.label() + " " + localAction(action));
            }
        }
        out.report(path, "managed word list PROFANITY", done.isEmpty() ? ImportReport.Status.IGNORED : ImportReport.Status.APPROXIMATED,
                done.isEmpty() ? "disabled on both sides" : "WordFilter's own profanity list (not Bedrock's) " + String.join(", ", done));
    }

    void regex(JsonNode node, String path, ImportedFilters out) {
        String name = text(node, "name");
        String pattern = text(node, "pattern");
        Action[] actions = sides(node);
        Map<Side, RegexRule> rules = new EnumMap<>(Side.class);
        List<String> done = new ArrayList<>();
        try {
            for (Side side : Side.values()) {
                Action action = actions[side.ordinal()];
                if (action != Action.OFF) {
                    RegexRule rule = RegexRule.of(name, pattern, localAction(action));
                    // building checks the pattern (syntax, length, nested quantifiers) now, not at the first call
                    WordFilter.builder().regex(rule).build();
                    rules.put(side, rule);
                    done.add(side.label() + " " + localAction(action));
                }
            }
        } catch (IllegalArgumentException e) {
            out.report(path, "regex '" + name + "'", ImportReport.Status.UNSUPPORTED,
                    "refused by the local regex engine: " + e.getMessage() + "; not enforced locally");
            return;
        }
        rules.forEach((side, rule) -> sides.get(side).regexes.add(rule));
        out.report(path, "regex '" + name + "'", done.isEmpty() ? ImportReport.Status.IGNORED : ImportReport.Status.MAPPED,
                done.isEmpty() ? "disabled on both sides"
                        : "WordFilter regex rule " + String.join(", ", done) + " (Java regex syntax; masks as ["
                                + name.toUpperCase(Locale.ROOT) + "])");
    }

    void addTo(ImportedFilters out) {
        if (!sides.get(Side.INPUT).isEmpty()) {
            out.input(sides.get(Side.INPUT).build(), "bedrock-import:words:input");
        }
        if (!sides.get(Side.OUTPUT).isEmpty()) {
            out.output(sides.get(Side.OUTPUT).build(), "bedrock-import:words:output");
        }
    }
}
