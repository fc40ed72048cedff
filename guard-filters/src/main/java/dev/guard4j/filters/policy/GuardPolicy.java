package dev.guard4j.filters.policy;

import dev.guard4j.AuditHook;
import dev.guard4j.Content;
import dev.guard4j.FilterOptions;
import dev.guard4j.Guard;
import dev.guard4j.InputValidator;
import dev.guard4j.OutputChecker;
import dev.guard4j.Stage;
import dev.guard4j.StreamingOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A whole guard described in a YAML or JSON file: filters in order with their settings, audit
 * sinks, refusal messages, time budgets and limits.
 *
 * <pre>{@code
 * Guard guard = GuardPolicy.load(Path.of("guard.yaml")).toGuard();
 * }</pre>
 *
 * <p>Loading checks everything it can: every key, every value and every filter's settings; the
 * first problem fails with a {@link PolicyException} naming the file, line, column and key, and a
 * hint. The schema is documented in {@code docs/policy-and-cli.md}.
 */
public final class GuardPolicy {

    /** The resource that holds the recommended policy. */
    static final String RECOMMENDED = "dev/guard4j/policies/recommended.yaml";
    /** The file name that errors of {@link #createFilter(FilterFactory, String)} give. */
    static final String SETTINGS_FILE = "<settings>";

    private static final Duration MIN_BUDGET = Duration.ofMillis(1);
    private static final Duration MAX_BUDGET = Duration.ofMinutes(10);

    private final String source;
    private final String name;
    private final List<PolicyFilter> input;
    private final List<PolicyFilter> output;
    private final PolicyAudit audit;
    private final String blockedInputMessage;
    private final String blockedOutputMessage;
    private final Set<Content.Source> inspect;
    private final StreamingOptions streaming;
    private final Integer verdictCacheSize;
    private final Duration defaultTimeBudget;
    private final Integer maxTextLength;
    private final boolean allowUninspectedContent;

    private GuardPolicy(Parsed p) {
        this.source = p.source;
        this.name = p.name;
        this.input = List.copyOf(p.input);
        this.output = List.copyOf(p.output);
        this.audit = p.audit;
        this.blockedInputMessage = p.blockedInputMessage;
        this.blockedOutputMessage = p.blockedOutputMessage;
        this.inspect = p.inspect == null ? null : Set.copyOf(p.inspect);
        this.streaming = p.streaming;
        this.verdictCacheSize = p.verdictCacheSize;
        this.defaultTimeBudget = p.defaultTimeBudget;
        this.maxTextLength = p.maxTextLength;
        this.allowUninspectedContent = p.allowUninspectedContent;
    }

    /**
     * Loads a policy from a YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}) file.
     * Relative paths in it resolve against the file's folder; environment variables it names
     * are read when the guard is built.
     *
     * @param file the policy file
     * @return the policy, with every filter made
     * @throws PolicyException naming the file, line, column and key of the first problem
     */
    public static GuardPolicy load(Path file) {
        return load(file, System::getenv);
    }

    static GuardPolicy load(Path file, UnaryOperator<String> environment) {
        Objects.requireNonNull(file, "file");
        String shown = file.toString();
        byte[] bytes;
        try {
            if (Files.size(file) > PolicyTreeReader.MAX_CHARS * 4L) {
                throw new PolicyException(shown + ": the policy file is larger than " + PolicyTreeReader.MAX_CHARS * 4L + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PolicyException(shown + ": no such policy file", e);
        } catch (IOException e) {
            throw new PolicyException(shown + ": cannot read the policy file: " + e.getMessage(), e);
        }
        Path folder = file.toAbsolutePath().getParent();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return parse(shown, folder, decode(shown, bytes), environment, loader != null ? loader : GuardPolicy.class.getClassLoader());
    }

    /**
     * Returns the recommended policy shipped with guard-filters: every built-in filter at its
     * defaults, on the stages where it applies.
     *
     * @return the policy
     */
    public static GuardPolicy recommended() {
        return loadResource(RECOMMENDED, System::getenv);
    }

    /**
     * Makes a filter with a factory from settings written as YAML or JSON, checked exactly as a
     * policy file's {@code settings:} map is: the typed getters, their ranges and
     * {@link FilterSettings#error(String, String)} give located errors, and a key the factory did
     * not read is rejected with the closest known key as the hint. Meant for testing a
     * {@link FilterFactory}, custom ones included, without writing a whole policy file.
     *
     * <p>Errors name the file {@code <settings>}, with the line and column in
     * {@code settingsYaml} and the key; relative paths resolve against the working folder.
     *
     * @param factory the factory to call
     * @param settingsYaml the filter's settings as a YAML or JSON map, such as
     *     {@code "threshold: 0.8"} or {@code "{\"threshold\": 0.8}"}; blank means no settings
     * @return what the factory made
     * @throws PolicyException when the text is not a map, a setting is wrong or unknown, or the
     *     factory returns null
     */
    public static Object createFilter(FilterFactory factory, String settingsYaml) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(settingsYaml, "settingsYaml");
        // a blank text is "no settings", as an absent 'settings:' key is in a policy file; read as
        // YAML, which also reads JSON, so that a YAML flow map such as {a: 1} is not taken for JSON
        PolicyNode.MapNode map = PolicyTreeReader.read(SETTINGS_FILE, settingsYaml.isBlank() ? "{}" : settingsYaml, false);
        String filter = factory.name();
        LocatedSettings settings = new LocatedSettings(SETTINGS_FILE, null, filter, "filter '" + filter + "'", "", map);
        Object instance = factory.create(settings);
        if (instance == null) {
            throw new PolicyException(SETTINGS_FILE + ": the factory of '" + filter + "' (" + factory.getClass().getName() + ") returned null");
        }
        settings.rejectUnknownKeys();
        return instance;
    }

    static GuardPolicy loadResource(String resource, UnaryOperator<String> environment) {
        ClassLoader loader = GuardPolicy.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new PolicyException(resource + ": no such resource on the classpath");
            }
            return parse("classpath:" + resource, null, decode(resource, in.readAllBytes()), environment, loader);
        } catch (IOException e) {
            throw new PolicyException(resource + ": cannot read the resource: " + e.getMessage(), e);
        }
    }

    /**
     * Parses a policy from text.
     *
     * @param file the name to use in messages
     * @param baseDir the folder relative paths resolve against, or {@code null} for the working folder
     * @param text the YAML or JSON text
     * @param environment reads an environment variable by name (tests pass a map)
     * @param loader the class loader that finds filter factories
     * @return the policy
     */
    static GuardPolicy parse(String file, Path baseDir, String text, UnaryOperator<String> environment, ClassLoader loader) {
        PolicyNode.MapNode root = PolicyTreeReader.read(file, text);
        LocatedSettings settings = new LocatedSettings(file, baseDir, "(policy)", "the policy", "", root);
        return new GuardPolicy(new Parsed(settings, FilterCatalog.load(loader), environment));
    }

    private static String decode(String shown, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new PolicyException(shown + ": the policy is not valid UTF-8", e);
        }
    }

    /**
     * Builds the guard this policy describes: its filters in order with their options, its
     * audit sinks, refusal messages, sources, streaming options and limits. Settings the policy
     * leaves out keep the guard's defaults.
     *
     * <p>Warning: every call opens the audit sinks anew; build the guard once and share it, since
     * two guards appending to one audit log file would break its hash chain.
     *
     * @return the guard
     * @throws PolicyException when an audit sink cannot be opened, located at its key
     */
    public Guard toGuard() {
        Guard.Builder builder = builderWithoutAudit();
        List<AuditHook> hooks = audit.openHooks();
        if (!hooks.isEmpty()) {
            builder.audit(hooks.toArray(new AuditHook[0]));
        }
        return builder.build();
    }

    /**
     * Builds the guard this policy describes without its audit sinks, for trying the policy on
     * sample traffic (the CLI's {@code scan}) without writing to the production audit trail.
     *
     * @return the guard, with every filter and setting of {@link #toGuard()} but no audit hook
     */
    public Guard toDryRunGuard() {
        return builderWithoutAudit().build();
    }

    private Guard.Builder builderWithoutAudit() {
        Guard.Builder builder = Guard.builder();
        for (PolicyFilter filter : input) {
            builder.input(filter.asInputValidator(), filter.options());
        }
        for (PolicyFilter filter : output) {
            builder.output(filter.asOutputChecker(), filter.options());
        }
        if (blockedInputMessage != null) {
            builder.blockedInputMessage(blockedInputMessage);
        }
        if (blockedOutputMessage != null) {
            builder.blockedOutputMessage(blockedOutputMessage);
        }
        if (inspect != null) {
            builder.inspect(inspect.toArray(new Content.Source[0]));
        }
        if (allowUninspectedContent) {
            builder.allowUninspectedContent();
        }
        if (streaming != null) {
            builder.streaming(streaming);
        }
        if (verdictCacheSize != null) {
            builder.verdictCacheSize(verdictCacheSize);
        }
        if (defaultTimeBudget != null) {
            builder.defaultTimeBudget(defaultTimeBudget);
        }
        if (maxTextLength != null) {
            builder.maxTextLength(maxTextLength);
        }
        if (audit.mode() != null) {
            builder.auditMode(audit.mode());
        }
        return builder;
    }

    /**
     * Checks that every environment variable the policy names (the audit log's HMAC key) is set,
     * without opening anything.
     *
     * @throws PolicyException located at the key that names an unset variable
     */
    public void checkEnvironment() {
        if (audit.log() != null) {
            audit.log().hmacKey();
        }
    }

    /**
     * Returns the file (or resource) the policy was loaded from.
     *
     * @return the file (or resource) the policy was loaded from
     */
    public String source() {
        return source;
    }

    /**
     * Returns the policy's {@code name}, if it has one.
     *
     * @return the policy's {@code name}, if it has one
     */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /**
     * Returns the input filters, in the order they run.
     *
     * @return the input filters, in the order they run
     */
    public List<PolicyFilter> inputFilters() {
        return input;
    }

    /**
     * Returns the output filters, in the order they run.
     *
     * @return the output filters, in the order they run
     */
    public List<PolicyFilter> outputFilters() {
        return output;
    }

    /**
     * Returns the filters of one stage, in the order they run.
     *
     * @param stage the stage
     * @return the filters of one stage, in the order they run
     */
    public List<PolicyFilter> filters(Stage stage) {
        return stage == Stage.INPUT ? input : output;
    }

    /** Returns the audit settings. */
    PolicyAudit audit() {
        return audit;
    }

    /**
     * Returns the message that replaces a blocked request's answer, if set.
     *
     * @return the message that replaces a blocked request's answer, if set
     */
    public Optional<String> blockedInputMessage() {
        return Optional.ofNullable(blockedInputMessage);
    }

    /**
     * Returns the message that replaces a blocked answer, if set.
     *
     * @return the message that replaces a blocked answer, if set
     */
    public Optional<String> blockedOutputMessage() {
        return Optional.ofNullable(blockedOutputMessage);
    }

    /**
     * Returns the request sources the guard inspects, if the policy sets them.
     *
     * @return the request sources the guard inspects, if the policy sets them
     */
    public Optional<Set<Content.Source>> inspectedSources() {
        return Optional.ofNullable(inspect);
    }

    /**
     * Returns the streaming options, if set.
     *
     * @return the streaming options, if set
     */
    public Optional<StreamingOptions> streaming() {
        return Optional.ofNullable(streaming);
    }

    /**
     * Returns the verdict cache size, if set.
     *
     * @return the verdict cache size, if set
     */
    public Optional<Integer> verdictCacheSize() {
        return Optional.ofNullable(verdictCacheSize);
    }

    /**
     * Returns the default time budget per filter, if set.
     *
     * @return the default time budget per filter, if set
     */
    public Optional<Duration> defaultTimeBudget() {
        return Optional.ofNullable(defaultTimeBudget);
    }

    /**
     * Returns whether requests with content the guard cannot inspect (images, audio) are let through.
     *
     * @return whether requests with content the guard cannot inspect (images, audio) are let through
     */
    public boolean allowsUninspectedContent() {
        return allowUninspectedContent;
    }

    /**
     * Returns the longest text the guard inspects, if set.
     *
     * @return the longest text the guard inspects, if set
     */
    public Optional<Integer> maxTextLength() {
        return Optional.ofNullable(maxTextLength);
    }

    /**
     * Returns a few lines that say what the policy does, for {@code policy check}.
     *
     * @return a few lines that say what the policy does, for {@code policy check}
     */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append("policy ").append(name == null ? source : "'" + name + "' (" + source + ")").append('\n');
        appendFilters(s, "input ", input);
        appendFilters(s, "output", output);
        s.append("audit  ").append(audit.describe()).append('\n');
        if (blockedInputMessage != null || blockedOutputMessage != null) {
            s.append("refusals: ").append(blockedInputMessage != null ? "input" : "")
                    .append(blockedInputMessage != null && blockedOutputMessage != null ? ", " : "")
                    .append(blockedOutputMessage != null ? "output" : "").append('\n');
        }
        return s.toString();
    }

    private static void appendFilters(StringBuilder s, String stage, List<PolicyFilter> filters) {
        s.append(stage).append(' ').append(filters.size()).append(filters.size() == 1 ? " filter" : " filters");
        if (!filters.isEmpty()) {
            s.append(": ");
            for (int i = 0; i < filters.size(); i++) {
                PolicyFilter f = filters.get(i);
                s.append(i == 0 ? "" : ", ").append(f.name());
                if (f.options().failureMode() == FilterOptions.FailureMode.FAIL_OPEN) {
                    s.append(" (fail-open)");
                }
            }
        }
        s.append('\n');
    }

    /** The policy as read, before it is frozen. */
    private static final class Parsed {
        final String source;
        String name;
        final List<PolicyFilter> input = new ArrayList<>();
        final List<PolicyFilter> output = new ArrayList<>();
        PolicyAudit audit;
        String blockedInputMessage;
        String blockedOutputMessage;
        Set<Content.Source> inspect;
        StreamingOptions streaming;
        Integer verdictCacheSize;
        Duration defaultTimeBudget;
        Integer maxTextLength;
        boolean allowUninspectedContent;

        Parsed(LocatedSettings root, FilterCatalog catalog, UnaryOperator<String> environment) {
            this.source = root.file();
            root.field("version").ifPresent(f -> {
                if (!(f.value() instanceof PolicyNode.ScalarNode s) || !Long.valueOf(1).equals(s.value())) {
                    throw root.at(f.value(), "version", "unsupported policy version", "the only version is 1");
                }
            });
            name = root.string("name").orElse(null);
            readFilters(root, "input", Stage.INPUT, catalog);
            readFilters(root, "output", Stage.OUTPUT, catalog);
            if (root.has("default-time-budget")) {
                defaultTimeBudget = root.duration("default-time-budget", null, MIN_BUDGET, MAX_BUDGET);
            } else {
                root.allow("default-time-budget");
            }
            if (root.has("max-text-length")) {
                maxTextLength = root.integer("max-text-length", 0, 1, Integer.MAX_VALUE);
            } else {
                root.allow("max-text-length");
            }
            if (root.has("verdict-cache-size")) {
                verdictCacheSize = root.integer("verdict-cache-size", 0, 0, 10_000_000);
            } else {
                root.allow("verdict-cache-size");
            }
            readInspect(root);
            allowUninspectedContent = root.flag("allow-uninspected-content", false);
            root.map("streaming").ifPresent(this::readStreaming);
            root.map("refusals").ifPresent(r -> {
                blockedInputMessage = message(r, "blocked-input");
                blockedOutputMessage = message(r, "blocked-output");
            });
            audit = root.map("audit").map(a -> PolicyAudit.read(a, environment)).orElse(PolicyAudit.none());
            root.rejectUnknownKeys();
        }

        private void readFilters(LocatedSettings root, String key, Stage stage, FilterCatalog catalog) {
            List<PolicyNode> items = root.listItems(key);
            Map<String, String> names = new LinkedHashMap<>();
            for (int i = 0; i < items.size(); i++) {
                String itemPath = key + "[" + i + "]";
                PolicyNode item = items.get(i);
                PolicyNode.MapNode map;
                if (item instanceof PolicyNode.ScalarNode scalar && scalar.value() instanceof String) {
                    // "- pii" is short for "- filter: pii"
                    map = new PolicyNode.MapNode(Map.of("filter", new PolicyNode.Field("filter", item.line(), item.column(), item)),
                            item.line(), item.column());
                } else if (item instanceof PolicyNode.MapNode m) {
                    map = m;
                } else {
                    throw root.at(item, itemPath, "expected a filter entry, was " + item.kindName(),
                            "write '- filter: NAME' with optional name, time-budget, fail-open and settings");
                }
                LocatedSettings entry = new LocatedSettings(root.file(), root.baseDir(), "(entry)", "filter entry " + itemPath, itemPath, map);
                PolicyFilter filter = readFilter(entry, stage, catalog);
                String previous = names.put(filter.name(), itemPath);
                if (previous != null) {
                    throw entry.atKey(entry.has("name") ? "name" : "filter", "two " + key + " filters are named '" + filter.name()
                            + "' (the other is " + previous + ")", "give one of them a distinct 'name'");
                }
                (stage == Stage.INPUT ? input : output).add(filter);
            }
        }

        private static PolicyFilter readFilter(LocatedSettings entry, Stage stage, FilterCatalog catalog) {
            String filter = entry.string("filter").orElseThrow(() -> entry.atKey("filter", "a filter entry needs a 'filter' key",
                    "name a built-in filter (" + String.join(", ", FilterCatalog.BUILT_IN_MODULES.keySet())
                            + ") or the class name of a FilterFactory"));
            if (filter.isBlank()) {
                throw entry.atKey("filter", "the filter name is blank", "name a built-in filter or a FilterFactory class");
            }
            FilterOptions options = FilterOptions.named(filter);
            Optional<String> displayName = entry.string("name");
            if (displayName.isPresent()) {
                if (displayName.get().isBlank()) {
                    throw entry.atKey("name", "the name is blank", "remove it to use the filter's name, or write one");
                }
                options = options.name(displayName.get());
            }
            if (entry.has("time-budget")) {
                options = options.timeBudget(entry.duration("time-budget", null, MIN_BUDGET, MAX_BUDGET));
            } else {
                entry.allow("time-budget");
            }
            if (entry.flag("fail-open", false)) {
                options = options.failOpen();
            }
            PolicyNode.MapNode settingsMap = entry.field("settings").map(f -> {
                if (f.value() instanceof PolicyNode.MapNode m) {
                    return m;
                }
                if (f.value() instanceof PolicyNode.ScalarNode s && s.value() == null) {
                    return new PolicyNode.MapNode(Map.of(), f.line(), f.column());
                }
                throw entry.at(f.value(), entry.keyPath("settings"), "expected a map of the filter's settings, was " + f.value().kindName(),
                        "write the settings indented under 'settings:'");
            }).orElse(new PolicyNode.MapNode(Map.of(), entry.node().line(), entry.node().column()));
            entry.rejectUnknownKeys();

            FilterFactory factory = catalog.resolve(filter, entry);
            LocatedSettings settings = entry.detached(entry.keyPath("settings"), filter, "filter '" + filter + "'", settingsMap);
            Object instance;
            try {
                instance = factory.create(settings);
            } catch (PolicyException e) {
                throw e;
            } catch (RuntimeException e) {
                throw entry.atKey("filter", "the factory of '" + filter + "' failed: " + e, null);
            }
            if (instance == null) {
                throw entry.atKey("filter", "the factory of '" + filter + "' (" + factory.getClass().getName() + ") returned null", null);
            }
            settings.rejectUnknownKeys();
            boolean fits = stage == Stage.INPUT ? instance instanceof InputValidator : instance instanceof OutputChecker;
            if (!fits) {
                String other = stage == Stage.INPUT ? "output" : "input";
                throw entry.atKey("filter", "filter '" + filter + "' cannot run on " + stage.name().toLowerCase(java.util.Locale.ROOT)
                        + ": it is not an " + (stage == Stage.INPUT ? "InputValidator" : "OutputChecker"),
                        "move it to the '" + other + "' list");
            }
            return new PolicyFilter(stage, filter, options, instance);
        }

        private void readInspect(LocatedSettings root) {
            List<PolicyNode> items = root.listItems("inspect");
            if (!root.has("inspect")) {
                return;
            }
            Set<Content.Source> sources = EnumSet.noneOf(Content.Source.class);
            for (int i = 0; i < items.size(); i++) {
                PolicyNode item = items.get(i);
                String itemPath = "inspect[" + i + "]";
                if (!(item instanceof PolicyNode.ScalarNode s) || !(s.value() instanceof String text)) {
                    throw root.at(item, itemPath, "expected a source name, was " + item.kindName(), "allowed: USER, SYSTEM, TOOL_RESULT");
                }
                Content.Source source = root.constant(text, RequestSource.class, item, itemPath).source;
                sources.add(source);
            }
            if (sources.isEmpty()) {
                throw root.atKey("inspect", "no source to inspect", "list at least USER; remove the key for the default (USER, TOOL_RESULT)");
            }
            inspect = sources;
        }

        private void readStreaming(LocatedSettings s) {
            StreamingMode mode = s.choice("mode", StreamingMode.class, StreamingMode.WINDOWED);
            if (mode == StreamingMode.BUFFER_ALL) {
                for (String key : List.of("window", "hold-back")) {
                    if (s.has(key)) {
                        throw s.atKey(key, "'" + key + "' applies to the windowed mode only", "remove it, or set mode: windowed");
                    }
                }
                s.allow("window", "hold-back");
                streaming = StreamingOptions.bufferAll();
                return;
            }
            StreamingOptions defaults = StreamingOptions.defaults();
            int window = s.integer("window", defaults.window(), 1, 1_000_000);
            int holdBack = s.integer("hold-back", defaults.holdBack(), 0, 1_000_000);
            streaming = StreamingOptions.windowed(window, holdBack);
        }

        private static String message(LocatedSettings r, String key) {
            Optional<String> text = r.string(key);
            if (text.isPresent() && text.get().isBlank()) {
                throw r.atKey(key, "the message is blank", "write the text the caller should see, or remove the key");
            }
            return text.orElse(null);
        }
    }

    /** The request sources a policy may ask the guard to inspect. */
    enum RequestSource {
        USER(Content.Source.USER),
        SYSTEM(Content.Source.SYSTEM),
        TOOL_RESULT(Content.Source.TOOL_RESULT);

        final Content.Source source;

        RequestSource(Content.Source source) {
            this.source = source;
        }
    }

    /** How a streamed answer is checked. */
    enum StreamingMode {
        WINDOWED,
        BUFFER_ALL
    }

}
