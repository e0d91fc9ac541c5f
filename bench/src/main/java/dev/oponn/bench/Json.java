package dev.oponn.bench;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A small JSON writer for the result file: maps (in their iteration order), lists, strings, numbers, booleans and
 * null. A non-finite number becomes {@code null}, because JSON has no NaN and a missing figure must read as missing.
 */
final class Json {

    private Json() {}

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        out.append('\n');
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, int depth) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(out, s);
            case Boolean b -> out.append(b);
            case Double d -> number(out, d);
            case Float f -> number(out, f.doubleValue());
            case Number n -> out.append(n.longValue());
            case Map<?, ?> map -> object(out, map, depth);
            case List<?> list -> array(out, list, depth);
            case long[] longs ->
                array(out, java.util.Arrays.stream(longs).boxed().toList(), depth);
            case double[] doubles ->
                array(out, java.util.Arrays.stream(doubles).boxed().toList(), depth);
            default -> string(out, value.toString());
        }
    }

    private static void number(StringBuilder out, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            out.append("null");
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            out.append((long) d);
        } else {
            out.append(Double.toString(Math.round(d * 1000.0) / 1000.0));
        }
    }

    private static void object(StringBuilder out, Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            indent(out, depth + 1);
            string(out, String.valueOf(entry.getKey()));
            out.append(": ");
            write(out, entry.getValue(), depth + 1);
            out.append(entries.hasNext() ? ",\n" : "\n");
        }
        indent(out, depth);
        out.append('}');
    }

    /** Lists of plain values stay on one line so that long series (per-second counts) remain readable. */
    private static void array(StringBuilder out, List<?> list, int depth) {
        boolean flat = list.stream().allMatch(v -> v == null || v instanceof Number || v instanceof Boolean)
                || list.stream().mapToInt(v -> String.valueOf(v).length()).sum() < 80
                        && list.stream().noneMatch(v -> v instanceof Map || v instanceof List);
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (!flat) {
                out.append('\n');
                indent(out, depth + 1);
            }
            write(out, list.get(i), depth + 1);
            if (i + 1 < list.size()) {
                out.append(flat ? ", " : ",");
            }
        }
        if (!flat && !list.isEmpty()) {
            out.append('\n');
            indent(out, depth);
        }
        out.append(']');
    }

    private static void indent(StringBuilder out, int depth) {
        out.append("  ".repeat(depth));
    }

    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
