package io.containerplatform;

import com.pulumi.Config;
import com.pulumi.Context;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Dependencies point one way: program -> components -> Pulumi SDKs. Components never read config. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.containerplatform");
    }

    @Test
    void componentsDoNotDependOnTheProgram() {
        noClasses().that().resideInAPackage("io.containerplatform.components..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.containerplatform", "io.containerplatform.config..", "io.containerplatform.program..",
                        "io.containerplatform.plan..", "io.containerplatform.tags..")
                .because("components are reusable from any program")
                .check(classes);
    }

    @Test
    void componentsNeverReadConfig() {
        noClasses().that().resideInAPackage("io.containerplatform.components..")
                .should().dependOnClassesThat().areAssignableTo(Config.class)
                .orShould().callMethod(Context.class, "config")
                .orShould().callMethod(Context.class, "config", String.class)
                .because("components take typed, validated Args; only the program reads stack config")
                .check(classes);
    }
}
