package dev.oponn.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Only when {@code OPONN_DATABASE_URL} is not set, so the embedded PostgreSQL under the data directory is the database. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ConditionalOnEmbeddedDatabase.OnEmbedded.class)
public @interface ConditionalOnEmbeddedDatabase {

    final class OnEmbedded extends SettingCondition {
        OnEmbedded() {
            super("oponn.database.url", ConditionalOnEmbeddedDatabase.class);
        }

        @Override
        boolean wantsSet(AnnotatedTypeMetadata metadata) {
            return false;
        }
    }
}
