package dev.oponn.platform;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import net.logstash.logback.composite.AbstractJsonProvider;
import org.slf4j.event.KeyValuePair;
import tools.jackson.core.JsonGenerator;

/**
 * Writes an event's key-value pairs ({@code log.atInfo().addKeyValue(...)}) as top-level JSON fields, numbers and
 * booleans as themselves and everything else by its {@code toString()}: exactly what the text format prints, so
 * {@code ballot_id} is the id, not a serialised record, and a value type can redact itself in one place
 * ({@code DeviceId[redacted]}). Used by {@code logback-spring.xml} in production instead of the encoder's own
 * key-value provider, which would serialise values with Jackson.
 */
public final class LogFields extends AbstractJsonProvider<ILoggingEvent> {

    @Override
    public void writeTo(JsonGenerator generator, ILoggingEvent event) {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs == null) {
            return;
        }
        for (KeyValuePair pair : pairs) {
            generator.writeName(pair.key);
            switch (pair.value) {
                case null -> generator.writeNull();
                case Boolean flag -> generator.writeBoolean(flag);
                case Integer number -> generator.writeNumber(number);
                case Long number -> generator.writeNumber(number);
                case Short number -> generator.writeNumber(number);
                case Double number -> generator.writeNumber(number);
                case Float number -> generator.writeNumber(number);
                case BigInteger number -> generator.writeNumber(number);
                case BigDecimal number -> generator.writeNumber(number);
                default -> generator.writeString(String.valueOf(pair.value));
            }
        }
    }
}
