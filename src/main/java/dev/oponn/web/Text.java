package dev.oponn.web;

import java.util.List;
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

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return args.toArray();
    }
}
