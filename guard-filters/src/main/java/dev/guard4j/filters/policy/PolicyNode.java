package dev.guard4j.filters.policy;

import java.util.List;
import java.util.Map;

/** A value of a parsed policy file, with the line and column it started at. */
sealed interface PolicyNode permits PolicyNode.MapNode, PolicyNode.ListNode, PolicyNode.ScalarNode {

    /** Returns the line of the value, from 1. */
    int line();

    /** Returns the column of the value, from 1. */
    int column();

    /** Returns a short name of the value's kind for error messages, such as "a map". */
    String kindName();

    /** A key of a map with where the key itself was written. */
    record Field(String key, int line, int column, PolicyNode value) {
    }

    /** A map, its fields in file order. */
    record MapNode(Map<String, Field> fields, int line, int column) implements PolicyNode {
        @Override
        public String kindName() {
            return "a map";
        }
    }

    /** A list. */
    record ListNode(List<PolicyNode> items, int line, int column) implements PolicyNode {
        @Override
        public String kindName() {
            return "a list";
        }
    }

    /**
     * A single value: a {@link String}, a {@link Boolean}, a {@link Long}, a {@link Double}, or {@code null}.
     *
     * @param value the value
     * @param raw the value as written ({@code off} for a YAML 1.1 boolean false, say)
     */
    record ScalarNode(Object value, String raw, int line, int column) implements PolicyNode {
        @Override
        public String kindName() {
            if (value == null) {
                return "null";
            }
            if (value instanceof Boolean) {
                return "a true/false value";
            }
            if (value instanceof Number) {
                return "a number";
            }
            return "a string";
        }
    }
}
