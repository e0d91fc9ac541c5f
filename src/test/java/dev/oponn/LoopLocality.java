package dev.oponn;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaStaticInitializer;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Collection;
import java.util.Map;
import java.util.Timer;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/**
 * The loop-locality lesson ({@code docs/architecture.md}), as rules: nothing global and mutable, no resource that
 * outlives its application context, nothing injected behind the constructor's back. {@link ArchitectureTests} checks
 * them on the production classes; {@code LoopLocalityRulesTests} proves each one fails on a class that breaks it.
 */
final class LoopLocality {

    private LoopLocality() {}

    /** Where a thread or executor may be created although no bean owns it: the HTTP client of {@code ./oponn simulate}. */
    static final String CLIENT_RUN_MODE = "dev.oponn.simulate..";

    /**
     * Types whose instances are state or a resource: a static field of one is shared by every application context
     * in the JVM, and nothing closes it. Matched by subtype, so {@code ConcurrentHashMap}, {@code LoadingCache},
     * {@code ScheduledExecutorService} or {@code LongAdder} count as well as the interfaces.
     */
    static final DescribedPredicate<JavaClass> STATEFUL_TYPES = assignableTo(Map.class)
            .or(assignableTo(Collection.class))
            .or(assignableTo("com.github.benmanes.caffeine.cache.Cache"))
            .or(assignableTo("com.github.benmanes.caffeine.cache.AsyncCache"))
            .or(assignableTo(Executor.class))
            .or(assignableTo(Thread.class))
            .or(assignableTo(ThreadLocal.class))
            .or(assignableTo(Timer.class))
            .or(resideInAPackage("java.util.concurrent.atomic"))
            .or(resideInAPackage("java.util.concurrent.locks"))
            .or(assignableTo(AutoCloseable.class))
            .as("a map, collection, cache, executor, thread, ThreadLocal, timer, atomic, lock or closeable resource");

    @ArchTest
    static final ArchRule noStaticMutableFields = fields().that()
            .areStatic()
            .and()
            .areDeclaredInClassesThat()
            .resideInAPackage("dev.oponn..")
            .should()
            .beFinal()
            .because("a static mutable field is state shared by every application in the JVM (the loop-locality trap)");

    @ArchTest
    static final ArchRule noStaticStateOrResources = noFields()
            .that()
            .areStatic()
            .should()
            .haveRawType(STATEFUL_TYPES)
            .because("state and resources belong to a bean whose lifecycle ends with its application context");

    @ArchTest
    static final ArchRule threadsAndExecutorsOnlyInBeans = classes()
            .should(createThreadsAndExecutorsOnlyInInstanceCodeOfBeans())
            .because("threads and executors are resources of a bean, closed with its context; created at class-load"
                    + " time or by a static helper, they belong to the JVM and outlive every context");

    @ArchTest
    static final ArchRule noFieldInjection = noFields()
            .should()
            .beAnnotatedWith("org.springframework.beans.factory.annotation.Autowired")
            .orShould()
            .beAnnotatedWith("org.springframework.beans.factory.annotation.Value")
            .orShould()
            .beAnnotatedWith("jakarta.inject.Inject")
            .because("dependencies arrive through the constructor, so a test can build any object by hand");

    @ArchTest
    static final ArchRule instanceFieldsOfBeansAreFinal = fields().that()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(org.springframework.stereotype.Component.class)
            .or()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(org.springframework.stereotype.Service.class)
            .or()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(org.springframework.stereotype.Repository.class)
            .or()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(org.springframework.stereotype.Controller.class)
            .should()
            .haveModifier(JavaModifier.FINAL)
            .orShould()
            .haveModifier(JavaModifier.VOLATILE)
            .because("a bean's collaborators are fixed when it is constructed; only lifecycle state changes, and it"
                    + " is volatile because another thread stops what one thread started");

    /**
     * A call or reference that makes a thread or an executor: anything on {@link Executors}, {@code Thread.of*} and
     * {@code Thread.startVirtualThread}, or a constructor of a thread, an executor or a timer.
     */
    static boolean createsThreadOrExecutor(AccessTarget.CodeUnitAccessTarget target) {
        JavaClass owner = target.getOwner();
        if (target.getName().equals(JavaConstructor.CONSTRUCTOR_NAME)) {
            return owner.isAssignableTo(Thread.class)
                    || owner.isAssignableTo(Executor.class)
                    || owner.isAssignableTo(Timer.class);
        }
        if (owner.isEquivalentTo(Executors.class)) {
            return true;
        }
        return owner.isEquivalentTo(Thread.class)
                && (target.getName().startsWith("of") || target.getName().equals("startVirtualThread"));
    }

    private static ArchCondition<JavaClass> createThreadsAndExecutorsOnlyInInstanceCodeOfBeans() {
        return new ArchCondition<>("create threads and executors (Executors.*, Thread.of*, new Thread, new ..Executor)"
                + " only in the constructors and instance methods of beans") {
            @Override
            public void check(JavaClass owner, ConditionEvents events) {
                boolean mayCreate = owner.isMetaAnnotatedWith(Component.class)
                        || resideInAPackage(CLIENT_RUN_MODE).test(owner);
                for (JavaCodeUnitAccess<?> access : owner.getCodeUnitAccessesFromSelf()) {
                    if (!createsThreadOrExecutor(access.getTarget())) {
                        continue;
                    }
                    JavaCodeUnit origin = access.getOrigin();
                    boolean staticCode = origin.getModifiers().contains(JavaModifier.STATIC)
                            || origin.getName().equals(JavaStaticInitializer.STATIC_INITIALIZER_NAME);
                    if (!mayCreate || staticCode) {
                        String where = staticCode ? "in static code" : "outside a bean";
                        events.add(SimpleConditionEvent.violated(access, access.getDescription() + " " + where));
                    }
                }
            }
        };
    }
}
