package dev.guard4j;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * State that filters share within one call, such as the vault that maps pseudonyms back to the
 * values they replaced. Thread-safe; never logged, never audited, gone when the call ends.
 */
public final class CallState {

    private final ConcurrentHashMap<Key<?>, Object> values = new ConcurrentHashMap<>();

    /** Creates empty state; the guard makes one per call. */
    public CallState() {
    }

    /**
     * Returns the value for a key, creating it on first use.
     *
     * @param key the key
     * @param initial makes the value on first use
     * @param <T> the value's type
     * @return the value
     */
    public <T> T computeIfAbsent(Key<T> key, Supplier<? extends T> initial) {
        return key.type.cast(values.computeIfAbsent(key, k -> Objects.requireNonNull(initial.get(), "initial value")));
    }

    /**
     * Returns the value for a key if one was set.
     *
     * @param key the key
     * @param <T> the value's type
     * @return the value, or empty
     */
    public <T> Optional<T> get(Key<T> key) {
        return Optional.ofNullable(values.get(key)).map(key.type::cast);
    }

    @Override
    public String toString() {
        return "CallState[" + values.size() + " entries]";
    }

    /**
     * A typed key into {@link CallState}; keys are compared by identity, so keep one in a constant.
     *
     * @param <T> the type of the value it holds
     */
    public static final class Key<T> {
        private final String name;
        private final Class<T> type;

        private Key(String name, Class<T> type) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = Objects.requireNonNull(type, "type");
        }

        /**
         * Returns a new key.
         *
         * @param name a name for debugging
         * @param type the type of the value
         * @param <T> the type of the value
         * @return the key
         */
        public static <T> Key<T> of(String name, Class<T> type) {
            return new Key<>(name, type);
        }

        @Override
        public String toString() {
            return "Key[" + name + "]";
        }
    }
}
