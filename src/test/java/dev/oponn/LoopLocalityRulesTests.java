package dev.oponn;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.oponn.architecture.allowed.BeanOwnedThreads;
import dev.oponn.architecture.allowed.ExecutorConfiguration;
import dev.oponn.architecture.violations.ExecutorOutsideBean;
import dev.oponn.architecture.violations.FieldInjection;
import dev.oponn.architecture.violations.MutableBeanField;
import dev.oponn.architecture.violations.NewThreadOutsideBean;
import dev.oponn.architecture.violations.PoolConstructorOutsideBean;
import dev.oponn.architecture.violations.StaticAtomic;
import dev.oponn.architecture.violations.StaticCache;
import dev.oponn.architecture.violations.StaticConcurrentMap;
import dev.oponn.architecture.violations.StaticCounter;
import dev.oponn.architecture.violations.StaticExecutor;
import dev.oponn.architecture.violations.StaticFactoryInBean;
import dev.oponn.architecture.violations.StaticHttpClient;
import dev.oponn.architecture.violations.StaticInitializerInBean;
import dev.oponn.architecture.violations.StaticList;
import dev.oponn.architecture.violations.StaticLock;
import dev.oponn.architecture.violations.StaticThread;
import dev.oponn.architecture.violations.StaticThreadLocal;
import dev.oponn.architecture.violations.ThreadBuilderOutsideBean;
import dev.oponn.architecture.violations.ThreadFactoryReferenceOutsideBean;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The loop-locality rules are only worth what they catch: each one is run on a class that breaks it (the fixtures in
 * {@code dev.oponn.architecture.violations}, read as bytecode and never loaded) and must fail naming that class, and
 * every rule must pass on the ways a bean may own threads ({@code dev.oponn.architecture.allowed}).
 */
class LoopLocalityRulesTests {

    static Stream<Arguments> violations() {
        return Stream.of(
                violation(LoopLocality.noStaticMutableFields, StaticCounter.class),
                violation(LoopLocality.noStaticStateOrResources, StaticConcurrentMap.class),
                violation(LoopLocality.noStaticStateOrResources, StaticList.class),
                violation(LoopLocality.noStaticStateOrResources, StaticCache.class),
                violation(LoopLocality.noStaticStateOrResources, StaticExecutor.class),
                violation(LoopLocality.noStaticStateOrResources, StaticThread.class),
                violation(LoopLocality.noStaticStateOrResources, StaticAtomic.class),
                violation(LoopLocality.noStaticStateOrResources, StaticLock.class),
                violation(LoopLocality.noStaticStateOrResources, StaticThreadLocal.class),
                violation(LoopLocality.noStaticStateOrResources, StaticHttpClient.class),
                violation(LoopLocality.threadsAndExecutorsOnlyInBeans, StaticExecutor.class),
                violation(LoopLocality.threadsAndExecutorsOnlyInBeans, StaticThread.class),
                violation(LoopLocality.threadsAndExecutorsOnlyInBeans, ExecutorOutsideBean.class),
                violation(LoopLocality.threadsAndExecutorsOnlyInBeans, ThreadBuilderOutsideBean.class),
                violation(LoopLocality.threadsAndExecutorsOnlyInBeans, NewThreadOutsideBean.class),
                violation(LoopLocality.threadsAndExecutorsOnlyInBeans, ThreadFactoryReferenceOutsideBean.class),
                violation(LoopLocality.threadsAndExecutorsOnlyInBeans, PoolConstructorOutsideBean.class),
                violation(LoopLocality.threadsAndExecutorsOnlyInBeans, StaticFactoryInBean.class),
                violation(LoopLocality.threadsAndExecutorsOnlyInBeans, StaticInitializerInBean.class),
                violation(LoopLocality.noFieldInjection, FieldInjection.class),
                violation(LoopLocality.instanceFieldsOfBeansAreFinal, MutableBeanField.class));
    }

    @ParameterizedTest(name = "{0} fails on {1}")
    @MethodSource("violations")
    void ruleFailsOnAClassThatBreaksIt(String ruleName, Class<?> fixture, ArchRule rule) {
        JavaClasses classes = new ClassFileImporter().importClasses(fixture);

        assertThatThrownBy(() -> rule.allowEmptyShould(true).check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(fixture.getName());
    }

    @Test
    void everyRulePassesOnThreadsOwnedByBeans() {
        JavaClasses classes =
                new ClassFileImporter().importClasses(BeanOwnedThreads.class, ExecutorConfiguration.class);

        for (ArchRule rule : rules()) {
            assertThatCode(() -> rule.allowEmptyShould(true).check(classes)).doesNotThrowAnyException();
        }
    }

    @Test
    void everyRuleHasAFixtureThatBreaksIt() {
        List<String> broken = violations().map(a -> (String) a.get()[0]).toList();

        for (ArchRule rule : rules()) {
            org.assertj.core.api.Assertions.assertThat(broken).contains(rule.getDescription());
        }
    }

    private static List<ArchRule> rules() {
        return List.of(
                LoopLocality.noStaticMutableFields,
                LoopLocality.noStaticStateOrResources,
                LoopLocality.threadsAndExecutorsOnlyInBeans,
                LoopLocality.noFieldInjection,
                LoopLocality.instanceFieldsOfBeansAreFinal);
    }

    private static Arguments violation(ArchRule rule, Class<?> fixture) {
        return Arguments.of(rule.getDescription(), fixture, rule);
    }
}
