package dev.oponn;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The loop-locality lesson, enforced: nothing global and mutable, nothing injected behind the constructor's back,
 * and a simulation that is only a client. How features depend on each other is {@link ModularityTests}'s.
 */
@AnalyzeClasses(packages = "dev.oponn", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /** Every feature package; the shared ones are {@code web} and {@code platform}. Add a new feature here. */
    static final String[] FEATURES = {
        "dev.oponn.account..",
        "dev.oponn.ballot..",
        "dev.oponn.crypto..",
        "dev.oponn.live..",
        "dev.oponn.ratelimit..",
        "dev.oponn.results..",
        "dev.oponn.simulate..",
        "dev.oponn.vote.."
    };

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
    static final ArchRule noStaticCollectionsCachesOrAtomics = noFields()
            .that()
            .areStatic()
            .should()
            .haveRawType(Map.class)
            .orShould()
            .haveRawType(Collection.class)
            .orShould()
            .haveRawType(java.util.List.class)
            .orShould()
            .haveRawType(java.util.Set.class)
            .orShould()
            .haveRawType(AtomicInteger.class)
            .orShould()
            .haveRawType(AtomicLong.class)
            .orShould()
            .haveRawType(AtomicBoolean.class)
            .orShould()
            .haveRawType(AtomicReference.class)
            .orShould()
            .haveRawType(com.github.benmanes.caffeine.cache.Cache.class)
            .because("state belongs to a bean whose lifecycle ends with its application context");

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

    @ArchTest
    static final ArchRule simulationIsAClientOnly = noClasses()
            .that()
            .resideInAPackage("dev.oponn.simulate..")
            .should()
            .dependOnClassesThat(resideInAnyPackage(FEATURES).and(resideOutsideOfPackage("dev.oponn.simulate..")))
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.oponn.web..", "dev.oponn.platform..")
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework..")
            .because("./oponn simulate speaks HTTP to a server like any browser and shares none of its state");

    @ArchTest
    static final ArchRule nothingCreatesItsOwnThreads = noClasses()
            .should()
            .callConstructor(Thread.class)
            .orShould()
            .callConstructor(Thread.class, Runnable.class)
            .because("threads and executors are beans with a lifecycle, closed with their context");
}
