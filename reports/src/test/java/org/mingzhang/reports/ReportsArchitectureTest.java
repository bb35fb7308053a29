package org.mingzhang.reports;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.journal.LedgerReads;
import org.mingzhang.matching.MatchingReads;
import org.mingzhang.project.ProjectMoney;
import org.mingzhang.project.ProjectStore;
import org.mingzhang.store.Database;

/**
 * The reports stand on the core's read ports: no production class of {@code org.mingzhang.reports} uses the store that
 * implements them, SQL, a connection pool, a database driver, migrations or a web framework, and none folds the journal
 * or a project's gifts itself. The import must find the reports' classes, so the rules cannot pass on an empty set.
 */
class ReportsArchitectureTest {

    private static final JavaClasses REPORTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mingzhang.reports");

    /**
     * The reads that walk the journal or every gift of a project: the projections answer the same figures from their
     * rows, and a report that summed the history itself would grow with it (read-side.md).
     */
    private static final Set<String> FOLDS = Set.of(
            ProjectStore.class.getName() + "#projectEntries",
            ProjectStore.class.getName() + "#money",
            ProjectMoney.class.getName() + "#of",
            ProjectMoney.class.getName() + "#apply",
            LedgerReads.class.getName() + "#transactions",
            LedgerReads.class.getName() + "#forEachTransaction",
            LedgerReads.class.getName() + "#postedTotalsAsOf",
            MatchingReads.class.getName() + "#explained");

    private static final ArchRule ON_PORTS = noClasses().that().resideInAPackage("org.mingzhang.reports..")
            .should().dependOnClassesThat().resideInAnyPackage("org.mingzhang.store..", "org.jooq..", "java.sql..",
                    "javax.sql..", "io.micronaut..", "jakarta..", "com.zaxxer..", "org.h2..", "org.postgresql..",
                    "org.flywaydb..")
            .allowEmptyShould(false);

    private static final ArchRule NO_FOLDS = noClasses().that().resideInAPackage("org.mingzhang.reports..")
            .should().callMethodWhere(DescribedPredicate.describe("a read that folds the journal or the gifts",
                    (JavaMethodCall call) -> FOLDS.contains(call.getTargetOwner().getName() + "#" + call.getName())))
            .allowEmptyShould(false);

    @Test
    @DisplayName("when the production classes are imported then the reports' classes are among them and no test class is")
    void importSeesTheReports() {
        assertThat(REPORTS.stream().map(JavaClass::getName))
                .contains(ProjectReports.class.getName(), ProjectReport.class.getName())
                .doesNotContain(ReportsArchitectureTest.class.getName());
    }

    @Test
    @DisplayName("when the reports are scanned then none depends on the store, SQL, a pool, a driver, migrations or the web")
    void reportsStandOnPorts() {
        ON_PORTS.check(REPORTS);
    }

    @Test
    @DisplayName("when the reports are scanned then none calls a read that folds the journal or a project's gifts")
    void reportsReadProjections() {
        NO_FOLDS.check(REPORTS);
    }

    @Test
    @DisplayName("when classes of the package open the store or fold the journal then the rules refuse them")
    void rulesBite() {
        // The scenario test lives in the package and opens an H2 database: the rule must see that.
        JavaClasses ledgerTest = new ClassFileImporter().importClasses(ProjectReportsTest.class);
        assertThatThrownBy(() -> ON_PORTS.check(ledgerTest)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(Database.class.getName());
        JavaClasses folding = new ClassFileImporter().importClasses(Folding.class);
        assertThatThrownBy(() -> NO_FOLDS.check(folding)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("projectEntries");
    }

    /** What a report must not do: sum a project's journal transactions itself. */
    static final class Folding {
        int entries(ProjectStore store) {
            return store.projectEntries("P").size();
        }
    }
}
