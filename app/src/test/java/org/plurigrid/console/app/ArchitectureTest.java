package org.plurigrid.console.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of docs/architecture.md, checked on the compiled classes of every module app sees. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.plurigrid.console");
    }

    @Test
    void clientIsHeadlessAndKnowsNothingOfDevnetOrScreens() {
        noClasses().that().resideInAPackage("org.plurigrid.console.client..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.plurigrid.console.devnet..",
                        "org.plurigrid.console.views..", "org.plurigrid.console.app..")
                .check(classes);
    }

    @Test
    void viewsDoNoIoAndDependOnlyDownwards() {
        noClasses().that().resideInAPackage("org.plurigrid.console.views..")
                .should().dependOnClassesThat().resideInAnyPackage("org.plurigrid.console.devnet..",
                        "org.plurigrid.console.app..", "java.nio.file..", "java.net.http..", "org.eclipse.paho..",
                        "io.grpc..", "java.sql..")
                .check(classes);
    }

    @Test
    void viewModelsNeverTouchNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
                .check(classes);
    }

    @Test
    void devnetDoesNotReachIntoTheConsole() {
        noClasses().that().resideInAPackage("org.plurigrid.console.devnet..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.plurigrid.console.views..",
                        "org.plurigrid.console.app..")
                .check(classes);
    }
}
