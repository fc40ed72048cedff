package dev.guard4j.filters.policy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The filters a policy may name: the {@link FilterFactory} services on the classpath, the
 * built-in names with the Maven module that holds them, and custom factories by class name.
 */
final class FilterCatalog {

    /** Every built-in filter name and the module (artifact id, group {@code dev.guard4j}) that provides it. */
    static final Map<String, String> BUILT_IN_MODULES = builtInModules();

    private final Map<String, List<FilterFactory>> byName;
    private final List<String> brokenServices;
    private final ClassLoader loader;

    private FilterCatalog(Map<String, List<FilterFactory>> byName, List<String> brokenServices, ClassLoader loader) {
        this.byName = byName;
        this.brokenServices = brokenServices;
        this.loader = loader;
    }

    private static Map<String, String> builtInModules() {
        Map<String, String> modules = new LinkedHashMap<>();
        for (String name : List.of("pii", "secrets", "prompt-injection", "toxicity", "words", "system-prompt-leak",
                "protected-content", "links", "json-output", "code", "limits")) {
            modules.put(name, "guard-filters");
        }
        modules.put("bedrock-guardrail", "guard-bedrock");
        return java.util.Collections.unmodifiableMap(modules);
    }

    /** Returns the factories registered with {@link ServiceLoader} in the given class loader. */
    static FilterCatalog load(ClassLoader loader) {
        Map<String, List<FilterFactory>> byName = new LinkedHashMap<>();
        List<String> broken = new ArrayList<>();
        Iterator<FilterFactory> it = ServiceLoader.load(FilterFactory.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                FilterFactory factory = it.next();
                byName.computeIfAbsent(factory.name(), n -> new ArrayList<>()).add(factory);
            } catch (ServiceConfigurationError e) {
                // one broken registration must not hide the others; it is reported if a policy needs it
                broken.add(e.getMessage());
            }
        }
        return new FilterCatalog(byName, List.copyOf(broken), loader);
    }

    /** Returns the names of the factories found on the classpath, sorted. */
    TreeSet<String> names() {
        return new TreeSet<>(byName.keySet());
    }

    /**
     * Returns the factory for a filter name or a custom factory's class name.
     *
     * @param name the value of the entry's {@code filter} key
     * @param entry the entry, to locate errors
     * @return the factory
     * @throws PolicyException when no factory fits, with the closest name or the module to add
     */
    FilterFactory resolve(String name, LocatedSettings entry) {
        List<FilterFactory> found = byName.get(name);
        if (found != null && found.size() == 1) {
            return found.get(0);
        }
        if (found != null) {
            throw entry.atKey("filter", "more than one factory on the classpath is called '" + name + "': "
                    + found.stream().map(f -> f.getClass().getName()).toList(),
                    "remove one of the jars, or name the factory by its class name");
        }
        String module = BUILT_IN_MODULES.get(name);
        if (module != null) {
            String broken = brokenServices.isEmpty() ? "" : " (some factories failed to load: " + brokenServices + ")";
            throw entry.atKey("filter", "filter '" + name + "' lives in module dev.guard4j:" + module
                    + ", which is not on the classpath" + broken,
                    "add the Maven dependency dev.guard4j:" + module);
        }
        if (name.indexOf('.') > 0) {
            return custom(name, entry);
        }
        TreeSet<String> known = names();
        known.addAll(BUILT_IN_MODULES.keySet());
        throw entry.atKey("filter", "unknown filter '" + name + "'",
                ClosestName.among(name, known).map(c -> "did you mean '" + c + "'?")
                        .orElse("known filters: " + String.join(", ", known)
                                + "; a custom filter is named by the class name of its FilterFactory"));
    }

    private FilterFactory custom(String className, LocatedSettings entry) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw entry.atKey("filter", "no class '" + className + "' on the classpath",
                    "a custom filter is the class name of a FilterFactory with a public no-arg constructor; add its jar to the classpath");
        }
        if (!FilterFactory.class.isAssignableFrom(type)) {
            throw entry.atKey("filter", "class '" + className + "' does not implement " + FilterFactory.class.getName(),
                    "name the filter's FilterFactory, not the filter itself");
        }
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw entry.atKey("filter", "class '" + className + "' has no public no-arg constructor",
                    "add 'public " + type.getSimpleName() + "() {}'");
        }
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
            throw entry.atKey("filter", "class '" + className + "' is not a public concrete class", "make the factory class public");
        }
        try {
            return (FilterFactory) constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw entry.atKey("filter", "the constructor of '" + className + "' failed: " + e.getCause(), null);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw entry.atKey("filter", "cannot create '" + className + "': " + e, null);
        }
    }
}
