package dev.oponn.web;

import gg.jte.support.LocalizationSupport;
import java.text.NumberFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;

/**
 * The templates' words in one language: message keys looked up in the bundles ({@code messages*.properties})
 * through Spring's {@link MessageSource}, numbers in the language's format. JTE escapes what {@link #t} returns like
 * any other value; {@link #localize} (from {@link LocalizationSupport}) is for the few messages that carry markup.
 */
public final class Localizer implements LocalizationSupport {

    private final MessageSource messages;
    private final Locale locale;

    public Localizer(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    public String t(String code, Object... args) {
        return messages.getMessage(code, args, locale);
    }

    public String t(@Nullable MessageSourceResolvable text) {
        return text == null ? "" : messages.getMessage(text, locale);
    }

    /** A count as the language writes it: {@code 1,234}, {@code 1.234}, {@code 1 234}. */
    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    @Override
    public @Nullable String lookup(String key) {
        return messages.getMessage(key, null, locale);
    }

    public Locale locale() {
        return locale;
    }

    /** The {@code lang} attribute: {@code en}, {@code de}, {@code fr}, {@code es}. */
    public String lang() {
        return locale.getLanguage();
    }
}
