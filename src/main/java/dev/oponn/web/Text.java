package dev.oponn.web;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.springframework.context.MessageSourceResolvable;

/**
 * Something a person reads, named by its message key and arguments and put into words only when a page is rendered
 * in the reader's language. An argument may itself be a {@code Text} (a duration inside a status line).
 */
public record Text(String code, List<Object> args) implements MessageSourceResolvable {

    public Text {
        args = List.copyOf(args);
    }

    public static Text of(String code, Object... args) {
        return new Text(code, List.of(args));
    }

    /**
     * The English words, straight from {@code messages.properties}, for what stays English whatever the reader's
     * language: the public API's problem documents and JSON.
     */
    public String english() {
        ResourceBundle bundle = ResourceBundle.getBundle(
                "messages",
                Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] resolved = args.stream()
                .map(arg -> arg instanceof Text text ? text.english() : arg)
                .toArray();
        return new MessageFormat(bundle.getString(code), Locale.ENGLISH).format(resolved);
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return args.toArray();
    }
}
