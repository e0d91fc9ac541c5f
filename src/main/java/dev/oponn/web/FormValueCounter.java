package dev.oponn.web;

import java.nio.ByteBuffer;

/**
 * Counts the values of a form ({@code application/x-www-form-urlencoded}) or a query string as its bytes arrive,
 * without decoding them or keeping any: one value for each non-empty run between {@code &} separators, the way the
 * container's parser will see them. Counting first is what makes refusing ten thousand {@code p=} cheap: the
 * container's own parser, asked for the parameter map, spends time that grows faster than the number of values
 * of one name.
 */
final class FormValueCounter {

    private long values;
    private boolean inValue;

    void add(ByteBuffer bytes) {
        for (int i = bytes.position(); i < bytes.limit(); i++) {
            count(bytes.get(i));
        }
    }

    void add(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            count(text.charAt(i));
        }
        // A query string and a body are separate runs: a value does not continue across them.
        inValue = false;
    }

    long values() {
        return values;
    }

    private void count(int c) {
        if (c == '&') {
            inValue = false;
        } else if (!inValue) {
            inValue = true;
            values++;
        }
    }
}
