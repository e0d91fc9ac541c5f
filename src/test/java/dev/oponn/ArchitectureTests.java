package dev.oponn;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The loop-locality lesson, enforced: nothing global and mutable, nothing injected behind the constructor's back,
 * and a simulation that is only a client. How features depend on each other is {@link ModularityTests}'s.
 */
@AnalyzeClasses(
        packages = "dev.oponn",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTests.NotTheFixtures.class})
class ArchitectureTests {

    /** Every feature package; the shared ones are {@code web} and {@code platform}. Add a new feature here. */
    static final String[] FEATURES = {
        "dev.oponn.account..",
        "dev.oponn.api..",
        "dev.oponn.ballot..",
        "dev.oponn.crypto..",
        "dev.oponn.live..",
        "dev.oponn.ratelimit..",
        "dev.oponn.results..",
        "dev.oponn.share..",
        "dev.oponn.simulate..",
        "dev.oponn.vote..",
        "dev.oponn.webhook.."
    };

    private static final Set<String> SHARED = Set.of("web", "platform");

    /** A feature missing from {@link #FEATURES} would escape {@link #simulationIsAClientOnly}: none may be. */
    @ArchTest
    static void everyFeatureIsListed(JavaClasses classes) {
        Set<String> packages = classes.stream()
                .map(JavaClass::getPackageName)
                .filter(name -> name.startsWith("dev.oponn."))
                .map(name -> name.substring("dev.oponn.".length()).split("\\.")[0])
                .filter(feature -> !SHARED.contains(feature))
                .map(feature -> "dev.oponn." + feature + "..")
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(packages).containsExactlyInAnyOrder(FEATURES);
    }

    /** Loop locality: no static state or resources, threads only in beans, constructor injection. */
    @ArchTest
    static final ArchTests loopLocality = ArchTests.in(LoopLocality.class);

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

    /** The classes that break the rules on purpose ({@code LoopLocalityRulesTests}) are never production classes. */
    static final class NotTheFixtures implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/dev/oponn/architecture/");
        }
    }
}
