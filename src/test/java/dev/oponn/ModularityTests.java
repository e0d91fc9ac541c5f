package dev.oponn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The features' boundaries, checked by Spring Modulith: no cycles between features, and no feature reaching into
 * another's internals (its sub-packages, or anything not public in its top package). The module diagram in the
 * architecture page is this model drawn, and it is checked here so it can never go stale.
 */
class ModularityTests {

    static final Path OUTPUT = Path.of("target", "spring-modulith-docs");
    static final Path COMMITTED_DIAGRAM = Path.of("docs", "modules.puml");

    final ApplicationModules modules = ApplicationModules.of(OponnApplication.class);

    @Test
    void featuresRespectEachOthersBoundaries() {
        modules.verify();
    }

    @Test
    void theModuleDiagramInTheDocsIsTheCodes() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(OUTPUT.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();

        Path generated = OUTPUT.resolve("components.puml");
        // Compared as sets of lines: the Documenter's order of elements is not part of what the diagram says.
        assertThat(Files.readAllLines(COMMITTED_DIAGRAM))
                .as("%s is out of date; refresh it with: cp %s %s", COMMITTED_DIAGRAM, generated, COMMITTED_DIAGRAM)
                .containsExactlyInAnyOrderElementsOf(Files.readAllLines(generated));
    }
}
