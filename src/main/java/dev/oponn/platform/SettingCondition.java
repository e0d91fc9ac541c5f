package dev.oponn.platform;

import java.lang.annotation.Annotation;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether a setting that switches a feature on ({@code OPONN_REDIS_URL}, {@code OPONN_KMS_KEY_ID},
 * {@code OPONN_DATABASE_URL}) is set. Absent and blank both mean "not set", because an empty environment variable
 * is how a deployment template leaves one out; {@code @ConditionalOnProperty} would count the blank as set.
 */
abstract class SettingCondition extends SpringBootCondition {

    private final String property;
    private final Class<? extends Annotation> annotation;

    SettingCondition(String property, Class<? extends Annotation> annotation) {
        this.property = property;
        this.annotation = annotation;
    }

    static boolean isSet(PropertyResolver settings, String property) {
        return !settings.getProperty(property, "").isBlank();
    }

    /** Whether the annotated bean wants the setting set (true) or unset (false). */
    boolean wantsSet(AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(annotation.getName());
        return attributes == null || !Boolean.FALSE.equals(attributes.get("value"));
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        boolean set = isSet(context.getEnvironment(), property);
        ConditionMessage message =
                ConditionMessage.forCondition(annotation).because(property + (set ? " is set" : " is not set"));
        return set == wantsSet(metadata) ? ConditionOutcome.match(message) : ConditionOutcome.noMatch(message);
    }
}
