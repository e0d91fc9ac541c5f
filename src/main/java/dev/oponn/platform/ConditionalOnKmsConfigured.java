package dev.oponn.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/** Only when {@code OPONN_KMS_KEY_ID} is set: the master key is then that AWS KMS key. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ConditionalOnKmsConfigured.OnKms.class)
public @interface ConditionalOnKmsConfigured {

    final class OnKms extends SettingCondition {
        OnKms() {
            super("oponn.kms.key-id", ConditionalOnKmsConfigured.class);
        }
    }
}
