package dev.guard4j.filters.policy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link FilterSettings} over a located map of a policy file; also reads the policy's own sections.
 *
 * <p>Every getter records its key as known, so that {@link #rejectUnknownKeys()} can report the
 * keys nobody asked for, with the closest known key as the hint.
 */
final class LocatedSettings implements FilterSettings {

    private final String file;
    private final Path baseDir;
    private final String filterName;
    private final String owner;
    private final String path;
    private final PolicyNode.MapNode node;
    private final Set<String> known = new LinkedHashSet<>();
    private final List<LocatedSettings> children = new ArrayList<>();

    /**
     * Creates settings over a map.
     *
     * @param file the file name for messages
     * @param baseDir the folder relative paths resolve against, or {@code null} for the working folder
     * @param filterName the filter's name, or a description of the section for the policy's own keys
     * @param owner how messages name the section, such as "filter 'pii'" or "the policy"
     * @param path the key path of the map, empty for the root
     * @param node the map
     */
    LocatedSettings(String file, Path baseDir, String filterName, String owner, String path, PolicyNode.MapNode node) {
        this.file = file;
        this.baseDir = baseDir;
        this.filterName = filterName;
        this.owner = owner;
        this.path = path;
        this.node = node;
    }

    @Override
    public String filterName() {
        return filterName;
    }

    @Override
    public Optional<String> string(String key) {
        return field(key).map(f -> text(f, key));
    }

    @Override
    public String string(String key, String defaultValue) {
        return string(key).orElse(defaultValue);
    }

    @Override
    public double number(String key, double defaultValue, double min, double max) {
        Optional<PolicyNode.Field> field = field(key);
        if (field.isEmpty()) {
            return defaultValue;
        }
        Object value = scalar(field.get(), key, "a number");
        if (!(value instanceof Number number)) {
            throw valueError(field.get(), key, "expected a number, was " + field.get().value().kindName(),
                    "write a number in [" + plain(min) + ", " + plain(max) + "] without quotes");
        }
        double d = number.doubleValue();
        if (!(d >= min && d <= max)) {
            throw valueError(field.get(), key, plain(d) + " is out of range", "allowed range is [" + plain(min) + ", " + plain(max) + "]");
        }
        return d;
    }

    @Override
    public int integer(String key, int defaultValue, int min, int max) {
        Optional<PolicyNode.Field> field = field(key);
        if (field.isEmpty()) {
            return defaultValue;
        }
        Object value = scalar(field.get(), key, "a whole number");
        String range = "allowed range is [" + min + ", " + max + "]";
        if (!(value instanceof Long number)) {
            throw valueError(field.get(), key, "expected a whole number, was " + describe(field.get().value()), range);
        }
        if (number < min || number > max) {
            throw valueError(field.get(), key, number + " is out of range", range);
        }
        return number.intValue();
    }

    @Override
    public boolean flag(String key, boolean defaultValue) {
        Optional<PolicyNode.Field> field = field(key);
        if (field.isEmpty()) {
            return defaultValue;
        }
        Object value = scalar(field.get(), key, "true or false");
        if (!(value instanceof Boolean b)) {
            throw valueError(field.get(), key, "expected true or false, was " + describe(field.get().value()), "write true or false without quotes");
        }
        return b;
    }

    @Override
    public List<String> strings(String key) {
        Optional<PolicyNode.Field> field = field(key);
        if (field.isEmpty()) {
            return List.of();
        }
        if (!(field.get().value() instanceof PolicyNode.ListNode list)) {
            throw valueError(field.get(), key, "expected a list of strings, was " + field.get().value().kindName(),
                    "write [a, b] or one '- item' per line");
        }
        List<String> result = new ArrayList<>(list.items().size());
        for (int i = 0; i < list.items().size(); i++) {
            PolicyNode item = list.items().get(i);
            result.add(itemText(item, keyPath(key) + "[" + i + "]"));
        }
        return List.copyOf(result);
    }

    @Override
    public <E extends Enum<E>> E choice(String key, Class<E> type, E defaultValue) {
        Optional<PolicyNode.Field> field = field(key);
        if (field.isEmpty()) {
            return defaultValue;
        }
        return constant(text(field.get(), key), type, field.get().value(), keyPath(key));
    }

    @Override
    public Map<String, String> stringMap(String key) {
        Optional<PolicyNode.Field> field = field(key);
        if (field.isEmpty()) {
            return Map.of();
        }
        if (!(field.get().value() instanceof PolicyNode.MapNode map)) {
            throw valueError(field.get(), key, "expected a map, was " + field.get().value().kindName(), "write 'key: value' pairs, one per line");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (PolicyNode.Field entry : map.fields().values()) {
            result.put(entry.key(), itemText(entry.value(), keyPath(key) + "." + entry.key()));
        }
        return java.util.Collections.unmodifiableMap(result);
    }

    @Override
    public Optional<FilterSettings> section(String key) {
        return map(key).map(s -> s);
    }

    /** Returns a nested map as settings whose unknown keys are checked with this one's. */
    Optional<LocatedSettings> map(String key) {
        Optional<PolicyNode.Field> field = field(key);
        if (field.isEmpty()) {
            return Optional.empty();
        }
        if (!(field.get().value() instanceof PolicyNode.MapNode map)) {
            throw valueError(field.get(), key, "expected a map, was " + field.get().value().kindName(), "write its keys indented under '" + key + ":'");
        }
        return Optional.of(child(keyPath(key), owner + " section '" + key + "'", map));
    }

    @Override
    public List<FilterSettings> sections(String key) {
        return List.copyOf(maps(key));
    }

    /** Returns a list of maps as settings whose unknown keys are checked with this one's. */
    List<LocatedSettings> maps(String key) {
        List<PolicyNode> items = listItems(key);
        List<LocatedSettings> result = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String itemPath = keyPath(key) + "[" + i + "]";
            if (!(items.get(i) instanceof PolicyNode.MapNode map)) {
                throw at(items.get(i), itemPath, "expected a map, was " + items.get(i).kindName(), null);
            }
            result.add(child(itemPath, owner + " " + itemPath, map));
        }
        return result;
    }

    /** Returns the items of a list; empty when absent. */
    List<PolicyNode> listItems(String key) {
        Optional<PolicyNode.Field> field = field(key);
        if (field.isEmpty()) {
            return List.of();
        }
        if (!(field.get().value() instanceof PolicyNode.ListNode list)) {
            throw valueError(field.get(), key, "expected a list, was " + field.get().value().kindName(), "write one '- item' per line under '" + key + ":'");
        }
        return list.items();
    }

    @Override
    public Optional<Path> path(String key) {
        return string(key).map(s -> {
            try {
                return baseDir == null ? Path.of(s) : baseDir.resolve(s);
            } catch (java.nio.file.InvalidPathException e) {
                throw valueError(field(key).orElseThrow(), key, "not a valid path: " + e.getReason(), null);
            }
        });
    }

    @Override
    public Duration duration(String key, Duration defaultValue, Duration min, Duration max) {
        Optional<PolicyNode.Field> field = field(key);
        if (field.isEmpty()) {
            return defaultValue;
        }
        String range = "allowed range is [" + DurationText.format(min) + ", " + DurationText.format(max) + "]";
        Object value = scalar(field.get(), key, "a duration");
        if (!(value instanceof String text)) {
            throw valueError(field.get(), key, "expected a duration with a unit, was " + describe(field.get().value()),
                    "write it with a unit, such as 250ms, 2s or 1m; " + range);
        }
        Optional<Duration> parsed = DurationText.parse(text);
        if (parsed.isEmpty()) {
            throw valueError(field.get(), key, "'" + text + "' is not a duration", "write it with a unit, such as 250ms, 2s or 1m");
        }
        if (parsed.get().compareTo(min) < 0 || parsed.get().compareTo(max) > 0) {
            throw valueError(field.get(), key, DurationText.format(parsed.get()) + " is out of range", range);
        }
        return parsed.get();
    }

    @Override
    public PolicyException error(String key, String message) {
        // a dotted key ("actions.EMAIL") points into a nested map, so factories can locate map entries
        PolicyNode.MapNode map = node;
        String[] parts = key.split("\\.", -1);
        PolicyNode.Field found = null;
        for (String part : parts) {
            found = map == null ? null : map.fields().get(part);
            if (found == null) {
                break;
            }
            map = found.value() instanceof PolicyNode.MapNode m ? m : null;
        }
        if (found == null) {
            found = node.fields().get(key);
        }
        if (found != null) {
            return at(found.value(), keyPath(key), message, null);
        }
        return at(node, keyPath(key), message, null);
    }

    /** Returns the located field of a key and records the key as known. */
    Optional<PolicyNode.Field> field(String key) {
        known.add(key);
        return Optional.ofNullable(node.fields().get(key));
    }

    /** Returns whether the key is written in this map, without recording it as known. */
    boolean has(String key) {
        return node.fields().containsKey(key);
    }

    /** Records keys as known without reading them (keys handled elsewhere). */
    void allow(String... keys) {
        known.addAll(Arrays.asList(keys));
    }

    /** Returns the map node. */
    PolicyNode.MapNode node() {
        return node;
    }

    /** Returns the key path of a key of this map. */
    String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Returns the key path of this map. */
    String path() {
        return path;
    }

    /** Returns the file name for messages. */
    String file() {
        return file;
    }

    /** Returns the folder relative paths resolve against, or {@code null}. */
    Path baseDir() {
        return baseDir;
    }

    /** Returns settings over a nested map for a filter, checked with this one's unknown keys. */
    LocatedSettings child(String childPath, String childOwner, PolicyNode.MapNode map) {
        LocatedSettings child = new LocatedSettings(file, baseDir, filterName, childOwner, childPath, map);
        children.add(child);
        return child;
    }

    /** Returns settings over a nested map under another filter name, checked on their own. */
    LocatedSettings detached(String childPath, String childFilterName, String childOwner, PolicyNode.MapNode map) {
        return new LocatedSettings(file, baseDir, childFilterName, childOwner, childPath, map);
    }

    /**
     * Throws for the first key (in file order, depth first) that no getter asked for.
     *
     * @throws PolicyException naming the key and the closest known one
     */
    void rejectUnknownKeys() {
        for (PolicyNode.Field field : node.fields().values()) {
            if (!known.contains(field.key())) {
                String hint = known.isEmpty()
                        ? owner + " takes no settings; remove it"
                        : ClosestName.hint(field.key(), known, "key");
                throw new PolicyException(new PolicyException.Where(file, field.line(), field.column(), keyPath(field.key())),
                        "unknown key '" + field.key() + "' in " + owner, hint);
            }
        }
        for (LocatedSettings child : children) {
            child.rejectUnknownKeys();
        }
    }

    /** Returns an error located at a node. */
    PolicyException at(PolicyNode where, String keyPath, String problem, String hint) {
        return new PolicyException(new PolicyException.Where(file, where.line(), where.column(), keyPath), problem, hint);
    }

    /** Returns an error located at a key of this map (or at the map when the key is absent). */
    PolicyException atKey(String key, String problem, String hint) {
        PolicyNode.Field field = node.fields().get(key);
        if (field == null) {
            return at(node, keyPath(key), problem, hint);
        }
        return new PolicyException(new PolicyException.Where(file, field.line(), field.column(), keyPath(key)), problem, hint);
    }

    /** Returns an enum constant named by text, ignoring case and treating '-' as '_'. */
    <E extends Enum<E>> E constant(String text, Class<E> type, PolicyNode where, String keyPath) {
        String wanted = text.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toList());
        String hint = ClosestName.among(text, names)
                .map(c -> "did you mean '" + c + "'? allowed: " + String.join(", ", names))
                .orElse("allowed: " + String.join(", ", names));
        throw at(where, keyPath, "'" + text + "' is not an allowed value", hint);
    }

    private String text(PolicyNode.Field field, String key) {
        return itemText(field.value(), keyPath(key));
    }

    private String itemText(PolicyNode item, String itemPath) {
        if (item instanceof PolicyNode.ScalarNode scalar) {
            if (scalar.value() instanceof String s) {
                return s;
            }
            if (scalar.value() instanceof Long l) {
                return l.toString();
            }
            if (scalar.value() instanceof Boolean && !"true".equalsIgnoreCase(scalar.raw()) && !"false".equalsIgnoreCase(scalar.raw())) {
                // YAML 1.1 reads off, no, yes and on as booleans; where a string is wanted, the author meant the word
                return scalar.raw();
            }
            if (scalar.value() == null) {
                throw at(item, itemPath, "has no value", "write a value after the colon, or remove the key");
            }
        }
        throw at(item, itemPath, "expected a string, was " + describe(item), "put the value in quotes");
    }

    private Object scalar(PolicyNode.Field field, String key, String expected) {
        if (!(field.value() instanceof PolicyNode.ScalarNode scalar)) {
            throw valueError(field, key, "expected " + expected + ", was " + field.value().kindName(), null);
        }
        if (scalar.value() == null) {
            throw valueError(field, key, "has no value", "write " + expected + " after the colon, or remove the key");
        }
        return scalar.value();
    }

    private PolicyException valueError(PolicyNode.Field field, String key, String problem, String hint) {
        return at(field.value(), keyPath(key), problem, hint);
    }

    private static String describe(PolicyNode node) {
        if (node instanceof PolicyNode.ScalarNode scalar && scalar.value() != null) {
            return node.kindName() + " (" + (scalar.value() instanceof String s ? "'" + s + "'" : scalar.value()) + ")";
        }
        return node.kindName();
    }

    static String plain(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
