package dev.sheetsync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

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

  /**
   * The package tree tells the pipeline: a record change ({@code records}) is queued ({@code
   * queue}), written to the sheet ({@code writeback}, through {@code sheets}) when something starts
   * a run ({@code trigger}); {@code console} shows it all. Each feature package may depend only on
   * the packages listed here (sub-packages count as their parent; {@code emulator} is the embedded
   * Sheets emulator module). Two choices differ from the obvious reading of issue 16: the queue
   * depends on records, not the reverse (records write through the {@code records.ChangeOutbox}
   * port the queue implements, so the record types, {@code SyncModel}, live with the records), and
   * the cluster lock and the cron expressions are {@code system} tools, because reconcile and
   * onboarding take the lock and nothing may depend on {@code trigger}. A new package must be added
   * here, with what it needs, before the build passes.
   */
  static final java.util.Map<String, java.util.Set<String>> ALLOWED =
      java.util.Map.ofEntries(
          java.util.Map.entry("system", java.util.Set.of()),
          java.util.Map.entry("users", java.util.Set.of("system")),
          java.util.Map.entry("security", java.util.Set.of("system", "users")),
          java.util.Map.entry("records", java.util.Set.of("system", "users", "security")),
          java.util.Map.entry("queue", java.util.Set.of("system", "records")),
          java.util.Map.entry("runs", java.util.Set.of("system", "users", "security")),
          java.util.Map.entry("alerts", java.util.Set.of("system", "queue", "runs")),
          java.util.Map.entry("pause", java.util.Set.of("system", "records", "alerts")),
          java.util.Map.entry("sheets", java.util.Set.of("system", "records", "pause", "emulator")),
          java.util.Map.entry(
              "conflicts",
              java.util.Set.of("system", "users", "security", "records", "queue", "sheets")),
          java.util.Map.entry(
              "writeback",
              java.util.Set.of("system", "records", "queue", "sheets", "pause", "conflicts")),
          java.util.Map.entry(
              "reconcile",
              java.util.Set.of(
                  "system",
                  "users",
                  "security",
                  "records",
                  "queue",
                  "sheets",
                  "pause",
                  "conflicts",
                  "writeback")),
          java.util.Map.entry(
              "onboarding",
              java.util.Set.of(
                  "system",
                  "users",
                  "security",
                  "records",
                  "queue",
                  "sheets",
                  "conflicts",
                  "writeback")),
          java.util.Map.entry(
              "trigger",
              java.util.Set.of(
                  "system",
                  "users",
                  "security",
                  "records",
                  "queue",
                  "sheets",
                  "pause",
                  "runs",
                  "writeback")),
          java.util.Map.entry(
              "console",
              java.util.Set.of(
                  "system",
                  "users",
                  "security",
                  "queue",
                  "sheets",
                  "pause",
                  "runs",
                  "conflicts",
                  "reconcile",
                  "writeback")),
          java.util.Map.entry("probe", java.util.Set.of("emulator")),
          java.util.Map.entry("emulator", java.util.Set.of()));

  @Test
  void eachFeaturePackageDependsOnlyOnThePackagesItsPlaceInThePipelineAllows() {
    java.util.Set<String> violations = new java.util.TreeSet<>();
    for (com.tngtech.archunit.core.domain.JavaClass origin : classes) {
      String from = feature(origin.getPackageName());
      if (from == null) {
        continue;
      }
      assertThat(ALLOWED).as("package %s is missing from ALLOWED", from).containsKey(from);
      for (com.tngtech.archunit.core.domain.Dependency d : origin.getDirectDependenciesFromSelf()) {
        String to = feature(d.getTargetClass().getPackageName());
        if (to != null && !to.equals(from) && !ALLOWED.get(from).contains(to)) {
          violations.add(from + " -> " + to + ": " + d.getDescription());
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void nothingDependsOnTheTriggersOrTheConsole() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.sheetsync.trigger..", "dev.sheetsync.console..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.sheetsync.trigger..", "dev.sheetsync.console..")
        .check(classes);
  }

  /** The feature a package belongs to ({@code dev.sheetsync.security.cron} → security), or null. */
  private static String feature(String packageName) {
    if (!packageName.startsWith("dev.sheetsync.")) {
      return null;
    }
    return packageName.substring("dev.sheetsync.".length()).split("\\.")[0];
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
