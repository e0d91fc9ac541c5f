package dev.oponn.web;

/**
 * Characters that would let text a person typed hide or reorder what others read: controls (Unicode Cc, NUL
 * included) and the bidirectional marks, embeddings, overrides and isolates. Every field shown to other people (a
 * ballot's question, its options, a write-in) refuses them.
 */
public final class HiddenCharacters {

    private HiddenCharacters() {}

    public static boolean in(String text) {
        return text.codePoints().anyMatch(HiddenCharacters::hidden);
    }

    public static boolean hidden(int c) {
        return Character.getType(c) == Character.CONTROL
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200E
                || c == 0x200F
                || c == 0x061C;
    }
}
