package org.mingzhang.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The core's domain packages stay plain Java: only {@code org.mingzhang.store} (the adapter behind the
 * core's own ports) may use jOOQ, Flyway, JDBC pools or database drivers, and no package of the core may
 * use Micronaut, Jakarta or PDFBox.
 */
class PureCoreTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mingzhang");

    @Test
    @DisplayName("when the domain packages are scanned then none depends on a framework or on storage")
    void domainIsFrameworkFree() {
        noClasses().that().resideInAPackage("org.mingzhang..").and().resideOutsideOfPackage("org.mingzhang.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "org.jooq..", "jakarta..",
                        "org.apache.pdfbox..", "org.flywaydb..", "com.zaxxer..", "org.h2..", "org.postgresql..",
                        "org.mingzhang.store..")
                .check(CORE);
    }

    @Test
    @DisplayName("when the store is scanned then it uses no web framework")
    void storeIsNotWeb() {
        noClasses().that().resideInAPackage("org.mingzhang.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta..", "org.apache.pdfbox..")
                .check(CORE);
    }
}
