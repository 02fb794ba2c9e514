package gpuroi;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import gpuroi.engine.ContractMonteCarlo;
import gpuroi.engine.MonteCarlo;
import gpuroi.engine.RoiEngine;
import gpuroi.engine.Sensitivity;
import gpuroi.engine.SensitivityFigures;
import gpuroi.engine.ClusterFigures;
import gpuroi.engine.Tornado;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering, enforced: the engine and the model are pure computation, POI stays in the workbook
 * package, picocli in the command line, the hot folder knows nothing of the engine, and the renderers
 * (workbook and memo writers) present figures the pipeline computed instead of running the engine.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("gpuroi");

    private static void check(ArchRule rule) {
        rule.check(MAIN);
    }

    @Test
    void theEngineAndTheModelReadAndWriteNoFiles() {
        check(noClasses().that().resideInAnyPackage("gpuroi.engine..", "gpuroi.model..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..")
                .because("figures come from values, not files; reading and writing is the workbook's and the pipeline's job"));
    }

    @Test
    void onlyTheWorkbookPackageUsesPoi() {
        check(noClasses().that().resideOutsideOfPackage("gpuroi.workbook..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.poi..")
                .because("one package knows the spreadsheet library, so every cell is read and written in one place"));
    }

    @Test
    void onlyTheCommandLineUsesPicocli() {
        check(noClasses().that().resideOutsideOfPackage("gpuroi.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..")
                .because("the command line is a thin shell over the pipeline"));
    }

    @Test
    void theHotFolderKnowsNothingOfTheEngine() {
        check(noClasses().that().resideInAPackage("gpuroi.watch..")
                .should().dependOnClassesThat().resideInAPackage("gpuroi.engine..")
                .because("the hot folder moves files and hands each to a converter it is given"));
    }

    @Test
    void renderersDoNotRunTheEngine() {
        check(noClasses().that().resideInAnyPackage("gpuroi.report..", "gpuroi.workbook..")
                .should().callMethodWhere(target(owner(belongToAnyOf(RoiEngine.class, MonteCarlo.class, ContractMonteCarlo.class))))
                .because("a workbook or memo presents the result the pipeline computed; it never computes a figure itself"));
    }

    /**
     * The sensitivity grids, break-evens and tornadoes are computed once per cluster in the pipeline
     * ({@code ClusterFigures}, {@code QuoteJob}); the sheet, the memos and the JSON only read them.
     */
    @Test
    void noRendererComputesSensitivityFigures() {
        check(noClasses().that().resideInAnyPackage("gpuroi.report..", "gpuroi.workbook..", "gpuroi.cli..")
                .should().callMethodWhere(or(
                        target(owner(equivalentTo(Sensitivity.class))),
                        target(owner(equivalentTo(Tornado.class))).and(target(name("of"))),
                        target(owner(equivalentTo(ClusterFigures.class))).and(target(nameMatching("compute.*"))),
                        target(owner(equivalentTo(SensitivityFigures.class))).and(target(name("of")))))
                .because("figures are computed once, in the pipeline, and every output renders the same ones"));
    }

    @Test
    void theCommandLineDoesNotRunTheEngine() {
        check(noClasses().that().resideInAPackage("gpuroi.cli..")
                .should().callMethodWhere(target(owner(belongToAnyOf(RoiEngine.class, MonteCarlo.class, ContractMonteCarlo.class))))
                .because("every command runs a pipeline job and reports its result"));
    }
}
