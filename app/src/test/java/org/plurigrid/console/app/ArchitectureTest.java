package org.plurigrid.console.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module rules of docs/architecture.md, checked on the compiled classes of every module. No rule allows an empty
 * match: a rule whose {@code that()} selects no class fails (ArchUnit's default), so a renamed package cannot turn a
 * rule into one that passes by checking nothing.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.plurigrid.console");
    }

    @Test
    void clientNeverUsesJavaFx() {
        noClasses().that().resideInAPackage("org.plurigrid.console.client..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void clientKnowsNothingAboveIt() {
        noClasses().that().resideInAPackage("org.plurigrid.console.client..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.plurigrid.console.devnet..", "org.plurigrid.console.views..",
                        "org.plurigrid.console.maplayers..", "org.plurigrid.console.plugins..",
                        "org.plurigrid.console.app..")
                .check(classes);
    }

    @Test
    void devnetIsHeadlessAndIndependentOfTheConsole() {
        noClasses().that().resideInAPackage("org.plurigrid.console.devnet..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "org.plurigrid.console.views..", "org.plurigrid.console.maplayers..",
                        "org.plurigrid.console.plugins..", "org.plurigrid.console.app..")
                .check(classes);
    }

    /** Views speak the domain (client.governance's VoteOption, ProposalPhase), never protobuf or generated wire types. */
    private static com.tngtech.archunit.lang.ArchRule neverSeesWireTypes(String... packages) {
        return noClasses().that().resideInAnyPackage(packages)
                .should().dependOnClassesThat().resideInAnyPackage("com.google.protobuf..", "org.plurigrid.console.client.chain.proto..")
                .allowEmptyShould(false);
    }

    @Test
    void viewsNeverSeeProtobufWireTypes() {
        // The rule has something to judge on both sides: view classes, and wire types imported with them.
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("org.plurigrid.console.views.governance"))).isNotEmpty();
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("org.plurigrid.console.client.chain.proto"))).isNotEmpty();
        neverSeesWireTypes("org.plurigrid.console.views..").check(classes);
        // ...and it does catch a dependency: client.governance maps the domain to the wire, so the same rule fails there.
        assertThatThrownBy(() -> neverSeesWireTypes("org.plurigrid.console.client.governance..").check(classes))
                .isInstanceOf(AssertionError.class).hasMessageContaining("org.plurigrid.console.client.chain.proto");
    }

    @Test
    void viewsDoNoIo() {
        noClasses().that().resideInAnyPackage("org.plurigrid.console.views..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.eclipse.paho..", "io.grpc..", "java.net..", "java.nio.channels..",
                        "org.plurigrid.console.devnet..", "org.plurigrid.console.app..")
                .check(classes);
    }

    @Test
    void viewsNeitherReadNorWriteFilesNorDatabases() {
        // java.io.File itself stays allowed: a FileChooser hands the view a path to pass on, which is not I/O.
        noClasses().that().resideInAnyPackage("org.plurigrid.console.views..")
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.sql..", "javax.sql..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileReader")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileWriter")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
                .check(classes);
    }

    @Test
    void mapLayersDoIoOnlyInTheBasemap() {
        noClasses().that().resideInAPackage("org.plurigrid.console.maplayers..")
                .and().resideOutsideOfPackage("org.plurigrid.console.maplayers.basemap..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "java.net.http..", "java.nio.file..", "java.sql..", "org.sqlite..")
                // java.net.URL stays allowed: stylesheets are looked up as class-path resources.
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .check(classes);
    }

    @Test
    void mapLayersAndPluginsStayBelowTheApp() {
        noClasses().that().resideInAnyPackage("org.plurigrid.console.maplayers..", "org.plurigrid.console.plugins..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.plurigrid.console.app..", "org.plurigrid.console.devnet..",
                        "org.plurigrid.console.views..")
                .check(classes);
    }

    @Test
    void viewModelsNeverTouchNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx.scene.control..", "javafx.scene.layout..", "javafx.scene.shape..", "javafx.stage..")
                .check(classes);
    }

    @Test
    void shippedCodeNeverUsesTestSupport() {
        // test-support modules are test-scoped everywhere; this keeps a slip (a compile-scope dependency) out of the app.
        noClasses().that().resideOutsideOfPackage("org.plurigrid.console.testsupport..")
                .should().dependOnClassesThat().resideInAPackage("org.plurigrid.console.testsupport..")
                .check(classes);
    }

    @Test
    void aRuleThatSelectsNoClassFails() {
        // The guard for the guard rails: if a package is renamed, the rules above must fail rather than pass empty.
        assertThatThrownBy(() -> noClasses().that().resideInAPackage("org.plurigrid.console.nosuchmodule..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }
}
