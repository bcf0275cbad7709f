package dev.sheetsync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** The boundaries the README describes, kept true by the build. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.sheetsync");
  }

  // Feature packages may depend on each other only one way, so each can be read (and changed) from
  // the bottom up: system <- users <- security <- records, queue <- records, and so on.
  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching("dev.sheetsync.(*)..").should().beFreeOfCycles().check(classes);
  }

  // Every change to a record must pass through RecordChanges, which writes the outbox row in the
  // same transaction: the record repositories cannot even be seen outside their package.
  @Test
  void recordRepositoriesArePackagePrivateToRecords() {
    classes()
        .that()
        .resideInAPackage("dev.sheetsync.records")
        .and()
        .areAnnotatedWith(Repository.class)
        .should()
        .notBePublic()
        .check(classes);
  }

  // Nothing outside records touches the record repositories, whatever their visibility becomes.
  @Test
  void onlyRecordsUsesTheRecordRepositories() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.sheetsync.records")
        .should()
        .dependOnClassesThat(
            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                    "dev.sheetsync.records")
                .and(
                    com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates
                        .annotatedWith(Repository.class)))
        .check(classes);
  }

  // Controllers are entry points reached through HTTP only; no other code should call them.
  @Test
  void controllersArePackagePrivate() {
    classes()
        .that()
        .areAnnotatedWith(RestController.class)
        .or()
        .areAnnotatedWith(org.springframework.stereotype.Controller.class)
        .should()
        .notBePublic()
        .check(classes);
  }

  // Constructor injection only: dependencies are explicit, fields final, classes testable by hand.
  @Test
  void noFieldInjection() {
    noFields().should().beAnnotatedWith(Autowired.class).check(classes);
  }
}
