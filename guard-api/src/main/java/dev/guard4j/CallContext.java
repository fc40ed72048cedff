package dev.guard4j;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling and why: an optional principal (user or tenant id) and attributes that the
 * caller attaches to the calls made in a scope, plus the call id the guard assigns per call.
 *
 * <p>The wrapped model keeps the {@code ChatModel} signature, so the context travels beside the
 * call, in a scope on the calling thread:
 *
 * <pre>{@code
 * try (CallContext.Scope scope = CallContext.builder().principal("alice").attribute("tenant", "acme").build().makeCurrent()) {
 *     safeModel.chat("...");   // filters and the audit event see principal "alice"
 * }
 * }</pre>
 */
public final class CallContext {

    private static final CallContext EMPTY = new CallContext(null, null, Map.of());
    private static final ThreadLocal<CallContext> CURRENT = new ThreadLocal<>();

    private final String callId;
    private final String principal;
    private final Map<String, Object> attributes;

    private CallContext(String callId, String principal, Map<String, Object> attributes) {
        this.callId = callId;
        this.principal = principal;
        this.attributes = attributes;
    }

    /**
     * Returns a context with no call id, no principal and no attributes.
     *
     * @return a context with no call id, no principal and no attributes
     */
    public static CallContext empty() {
        return EMPTY;
    }

    /**
     * Returns a builder for a context.
     *
     * @return a builder for a context
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the context made current on this thread, or the empty context.
     *
     * @return the context made current on this thread, or the empty context
     */
    public static CallContext current() {
        CallContext context = CURRENT.get();
        return context != null ? context : EMPTY;
    }

    /**
     * Makes this context current on the calling thread until the returned scope is closed.
     *
     * @return the scope; close it (try-with-resources) to restore the previous context
     */
    public Scope makeCurrent() {
        CallContext previous = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /**
     * Returns the call id: assigned by the guard per call, or {@code null} outside a call.
     *
     * @return the call id: assigned by the guard per call, or {@code null} outside a call
     */
    public String callId() {
        return callId;
    }

    /**
     * Returns the user or tenant the call is made for, when the caller said.
     *
     * @return the user or tenant the call is made for, when the caller said
     */
    public Optional<String> principal() {
        return Optional.ofNullable(principal);
    }

    /**
     * Returns the caller's attributes, immutable.
     *
     * @return the caller's attributes, immutable
     */
    public Map<String, Object> attributes() {
        return attributes;
    }

    /**
     * Returns an attribute if present and of the given type.
     *
     * @param name the attribute's name
     * @param type the type expected
     * @param <T> the type expected
     * @return the value, or empty when absent or of another type
     */
    public <T> Optional<T> attribute(String name, Class<T> type) {
        Object value = attributes.get(name);
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }

    /**
     * Returns this context with the given call id.
     *
     * @param newCallId the call id
     * @return the new context
     */
    public CallContext withCallId(String newCallId) {
        return new CallContext(Objects.requireNonNull(newCallId, "callId"), principal, attributes);
    }

    @Override
    public String toString() {
        return "CallContext[callId=" + callId + ", principal=" + principal + ", attributes=" + attributes.keySet() + "]";
    }

    /** Restores the previous context when closed. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        /** Restores the context that was current before. */
        @Override
        void close();
    }

    /** Builds a {@link CallContext}. */
    public static final class Builder {
        private String callId;
        private String principal;
        private final Map<String, Object> attributes = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the call id; leave it unset to let the guard assign a fresh one to every call.
         *
         * @param callId the id, not blank
         * @return this builder
         */
        public Builder callId(String callId) {
            if (callId == null || callId.isBlank()) {
                throw new IllegalArgumentException("callId must not be blank, was " + (callId == null ? "null" : "'" + callId + "'"));
            }
            this.callId = callId;
            return this;
        }

        /**
         * Sets the user or tenant the calls are made for.
         *
         * @param principal the id, not blank
         * @return this builder
         */
        public Builder principal(String principal) {
            if (principal == null || principal.isBlank()) {
                throw new IllegalArgumentException("principal must not be blank, was " + (principal == null ? "null" : "'" + principal + "'"));
            }
            this.principal = principal;
            return this;
        }

        /**
         * Adds an attribute that filters and audit hooks can read.
         *
         * @param name the name, not blank
         * @param value the value, not null
         * @return this builder
         */
        public Builder attribute(String name, Object value) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("attribute name must not be blank");
            }
            attributes.put(name, Objects.requireNonNull(value, () -> "attribute '" + name + "' has a null value"));
            return this;
        }

        /**
         * Returns the context.
         *
         * @return the context
         */
        public CallContext build() {
            return new CallContext(callId, principal, Map.copyOf(attributes));
        }
    }
}
