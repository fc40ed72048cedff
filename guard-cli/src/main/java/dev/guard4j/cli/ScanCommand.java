package dev.guard4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guard4j.Content;
import dev.guard4j.FilterResult;
import dev.guard4j.Finding;
import dev.guard4j.Guard;
import dev.guard4j.Inspection;
import dev.guard4j.Stage;
import dev.guard4j.Verdict;
import dev.guard4j.filters.policy.GuardPolicy;
import dev.guard4j.filters.policy.PolicyException;
import dev.guard4j.filters.policy.PolicyFilter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code scan}: inspects JSON lines from stdin with a policy's guard and writes one JSON verdict line per input line.
 *
 * <p>Spans in the output refer to the input text. A filter that ran after another one rewrote
 * the text saw the rewritten text, so its own spans would not; for the findings, each such
 * filter is run once more on the original text (input validators only when they are pure
 * functions of the text, {@link dev.guard4j.InputValidator#memoisable()}; the others' findings
 * are widened to the whole text). The verdict and the rewritten text are the chain's own.
 */
final class ScanCommand {

    static final int DEFAULT_MAX_LINE_CHARS = 4 * 1024 * 1024;

    static final String HELP = """
            Usage: guard4j-cli scan [--policy FILE] [--stage input|output] [--max-line-chars N]

            Reads JSON lines {"id": ..., "text": "...", "source": "USER"} from stdin and writes one line per
            input line to stdout:
              {"id": ..., "verdict": "PASS|REWRITE|BLOCK", "text": "<rewritten text, on REWRITE>",
               "reason": "<why, on BLOCK>", "findings": [{"detector", "category", "start", "end", "score"}]}
            Spans (start inclusive, end exclusive, UTF-16 offsets) refer to the input text.
            A bad line gives {"line": N, "error": "..."} and the run goes on. Blank lines are skipped.
            At the end, a tally of the verdicts goes to stderr.

            Options:
              --policy FILE          the policy (YAML or JSON); default: the recommended built-in policy
              --stage input|output   run the input validators (default) or the output checkers
              --max-line-chars N     longer lines are skipped with an error line (default 4194304)
            source: USER, SYSTEM, TOOL_RESULT, MODEL or TOOL_CALL; default USER (input) or MODEL (output).
            The policy's audit sinks are not opened: a scan is a dry run.
            Exit codes: 0 every line scanned, 1 some line was bad or the policy is invalid, 2 bad command line.
            """;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final ObjectMapper mapper = new ObjectMapper();

    ScanCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        String policyFile = null;
        Stage stage = Stage.INPUT;
        int maxLineChars = DEFAULT_MAX_LINE_CHARS;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                out.print(HELP);
                return Main.OK;
            }
            String value;
            String option = arg;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                option = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return usage("option " + arg + " needs a value");
            }
            switch (option) {
                case "--policy":
                    policyFile = value;
                    break;
                case "--stage":
                    if (value.equalsIgnoreCase("input")) {
                        stage = Stage.INPUT;
                    } else if (value.equalsIgnoreCase("output")) {
                        stage = Stage.OUTPUT;
                    } else {
                        return usage("--stage is input or output, not '" + value + "'");
                    }
                    break;
                case "--max-line-chars":
                    try {
                        maxLineChars = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        maxLineChars = -1;
                    }
                    if (maxLineChars < 1) {
                        return usage("--max-line-chars is a whole number from 1 to " + Integer.MAX_VALUE + ", not '" + value + "'");
                    }
                    break;
                default:
                    return usage("unknown option '" + option + "'");
            }
        }
        GuardPolicy policy;
        try {
            policy = policyFile == null ? GuardPolicy.recommended() : GuardPolicy.load(Path.of(policyFile));
        } catch (PolicyException e) {
            err.println(e.getMessage());
            return Main.BAD_DATA;
        } catch (InvalidPathException e) {
            return usage("not a valid path: " + policyFile);
        }
        try (Guard guard = policy.toDryRunGuard()) {
            return scan(policy, guard, stage, maxLineChars);
        } catch (IOException e) {
            err.println("guard4j-cli scan: cannot read stdin: " + e.getMessage());
            return Main.BAD_DATA;
        }
    }

    private int usage(String problem) {
        err.println("guard4j-cli scan: " + problem);
        err.print(HELP);
        return Main.USAGE;
    }

    private int scan(GuardPolicy policy, Guard guard, Stage stage, int maxLineChars) throws IOException {
        Map<String, Guard> soloGuards = soloGuards(policy, stage);
        // malformed UTF-8 becomes U+FFFD rather than stopping the run
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        BoundedLineReader lines = new BoundedLineReader(new BufferedReader(new InputStreamReader(in, decoder)), maxLineChars);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String kind : List.of("PASS", "REWRITE", "BLOCK", "error")) {
            counts.put(kind, 0);
        }
        BoundedLineReader.Line line;
        while ((line = lines.next()) != null) {
            ObjectNode result;
            if (line.tooLong()) {
                result = error(line.number(), null, "line longer than " + maxLineChars + " characters; skipped");
            } else if (line.text().isBlank()) {
                continue;
            } else {
                result = scanLine(line, guard, stage, soloGuards);
            }
            counts.merge(result.has("error") ? "error" : result.get("verdict").asText(), 1, Integer::sum);
            out.println(mapper.writeValueAsString(result));
            out.flush();
        }
        // the tally goes to stderr so that stdout stays one JSON line per input line
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        err.println("scanned " + total + (total == 1 ? " line: " : " lines: ")
                + counts.get("PASS") + " PASS, " + counts.get("REWRITE") + " REWRITE, " + counts.get("BLOCK") + " BLOCK, "
                + counts.get("error") + (counts.get("error") == 1 ? " error" : " errors"));
        return counts.get("error") > 0 ? Main.BAD_DATA : Main.OK;
    }

    private ObjectNode scanLine(BoundedLineReader.Line line, Guard guard, Stage stage, Map<String, Guard> soloGuards) {
        JsonNode node;
        try {
            node = mapper.readTree(line.text());
        } catch (JsonProcessingException e) {
            return error(line.number(), null, "malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return error(line.number(), null, "expected a JSON object with \"text\", was " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        JsonNode id = node.get("id");
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            return error(line.number(), id, "\"text\" must be a string");
        }
        Content.Source source = stage == Stage.INPUT ? Content.Source.USER : Content.Source.MODEL;
        JsonNode sourceNode = node.get("source");
        if (sourceNode != null && !sourceNode.isNull()) {
            try {
                source = Content.Source.valueOf(sourceNode.asText().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return error(line.number(), id, "unknown source '" + sourceNode.asText() + "'; one of USER, SYSTEM, TOOL_RESULT, MODEL, TOOL_CALL");
            }
        }
        Content content = Content.of(text.asText(), source);
        Inspection inspection;
        try {
            inspection = guard.inspect(stage, content);
        } catch (RuntimeException e) {
            return error(line.number(), id, "inspection failed: " + e);
        }
        ObjectNode result = mapper.createObjectNode();
        result.set("id", id == null ? NullNode.getInstance() : id);
        Verdict verdict = inspection.verdict();
        result.put("verdict", verdict.kind().name());
        if (verdict instanceof Verdict.Rewrite rewrite) {
            result.put("text", rewrite.text());
        } else if (verdict instanceof Verdict.Block block) {
            result.put("reason", block.reason());
        }
        ArrayNode findings = result.putArray("findings");
        for (Finding f : findingsOnInput(inspection, content, soloGuards)) {
            ObjectNode o = findings.addObject();
            o.put("detector", f.detector());
            o.put("category", f.category());
            o.put("start", f.start());
            o.put("end", f.end());
            o.put("score", f.score());
        }
        return result;
    }

    /**
     * Returns a guard per pure filter of the stage, holding that filter alone with its options and
     * the policy's limits, to run it again on the original text with the same budget and fail-closed handling.
     */
    private static Map<String, Guard> soloGuards(GuardPolicy policy, Stage stage) {
        Map<String, Guard> guards = new LinkedHashMap<>();
        for (PolicyFilter filter : policy.filters(stage)) {
            boolean pure = stage == Stage.OUTPUT || filter.asInputValidator().memoisable();
            if (!pure) {
                continue;
            }
            Guard.Builder builder = Guard.builder().verdictCacheSize(0);
            policy.maxTextLength().ifPresent(builder::maxTextLength);
            policy.defaultTimeBudget().ifPresent(builder::defaultTimeBudget);
            if (stage == Stage.INPUT) {
                builder.input(filter.asInputValidator(), filter.options());
            } else {
                builder.output(filter.asOutputChecker(), filter.options());
            }
            guards.put(filter.name(), builder.build());
        }
        return guards;
    }

    /** Returns the findings of every filter that ran, with spans on the original text, sorted and without duplicates. */
    static List<Finding> findingsOnInput(Inspection inspection, Content original, Map<String, Guard> soloGuards) {
        int length = original.text().length();
        Set<Finding> all = new LinkedHashSet<>();
        boolean rewritten = false;
        for (FilterResult result : inspection.results()) {
            Guard solo = soloGuards.get(result.filter());
            if (!rewritten) {
                all.addAll(result.findings());
            } else if (solo != null) {
                for (FilterResult again : solo.inspect(result.stage(), original).results()) {
                    all.addAll(again.findings());
                }
            } else {
                // not pure (a rate limit must not count the text twice), or not a policy filter:
                // keep the findings, with the span widened to the whole text since it is unknown
                for (Finding f : result.findings()) {
                    all.add(Finding.ofWhole(f.detector(), f.category(), length, f.score()));
                }
            }
            rewritten |= result.verdict() == Verdict.Kind.REWRITE;
        }
        List<Finding> sorted = new ArrayList<>();
        for (Finding f : all) {
            // spans never point past the input, whatever a filter reported
            int start = Math.min(f.start(), length);
            sorted.add(new Finding(f.detector(), f.category(), start, Math.max(start, Math.min(f.end(), length)), f.score()));
        }
        sorted.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end)
                .thenComparing(Finding::detector).thenComparing(Finding::category));
        return List.copyOf(new LinkedHashSet<>(sorted));
    }

    private ObjectNode error(long lineNumber, JsonNode id, String message) {
        ObjectNode o = mapper.createObjectNode();
        o.put("line", lineNumber);
        if (id != null) {
            o.set("id", id);
        }
        o.put("error", message);
        return o;
    }
}
