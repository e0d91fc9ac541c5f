package dev.oponn.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Messages (message keys, put into words by the page) keyed by form field, shown under the field at fault. Built while validating, then read by a view. */
public final class FieldErrors {

    private final Map<String, Text> messages = new LinkedHashMap<>();

    public static FieldErrors none() {
        return new FieldErrors();
    }

    /** Keeps the first message per field: the first rule broken is the one worth reading. */
    public FieldErrors reject(String field, Text message) {
        messages.putIfAbsent(field, message);
        return this;
    }

    public boolean any() {
        return !messages.isEmpty();
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    public @Nullable Text get(String field) {
        return messages.get(field);
    }

    public Map<String, Text> asMap() {
        return Map.copyOf(messages);
    }

    @Override
    public String toString() {
        return "FieldErrors" + messages.keySet();
    }
}
