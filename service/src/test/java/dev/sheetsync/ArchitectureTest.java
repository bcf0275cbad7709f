package dev.sheetsync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/**
 * The boundaries the README describes, kept true by the build.
 *
 * <p>Which package may name a table is checked on the compiled classes, like every other rule here:
 * the string constants of each class file (its {@code CONSTANT_String} entries: every string
 * literal and text block, with constant concatenations already folded by the compiler, and the
 * constants it inlines from other classes). Comments, identifiers and local variable names are not
 * string constants, so "requests" as a variable or in a Javadoc never counts, while SQL built from
 * pieces still does: a table name picked at run time ({@code "requests"} from a switch) is a
 * constant of its own and counts as naming the table. Scanning the source text instead would have
 * to tell strings from comments itself, and would miss a constant inlined from another class.
 */
class ArchitectureTest {

  /** The outbox's tables, owned by {@code queue}. */
  private static final Pattern QUEUE_TABLES = Pattern.compile("\\bsync_(queue|log)\\b");

  /**
   * The record tables, owned by {@code records}: named after a SQL keyword, or a whole constant (a
   * table picked at run time). These are English words too, so a bare mention ("Google Sheets API
   * requests" in a metric's description) does not count.
   */
  private static final Pattern RECORD_TABLES =
      Pattern.compile(
          "(?is)\\b(from|join|update|into|table|using)\\s+(only\\s+)?(requests|operators|revenues)\\b"
              + "|^\\s*(requests|operators|revenues)\\s*$");

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

  // The queue owns sync_queue and sync_log: everyone else asks SyncQueue or SyncLog, so the
  // outbox's columns and states can change in one package.
  @Test
  void onlyTheQueueNamesTheQueueTables() {
    classes()
        .that()
        .resideOutsideOfPackage("dev.sheetsync.queue")
        .should(notNameInTheirSql("sync_queue or sync_log", QUEUE_TABLES))
        .check(classes);
  }

  // records owns requests, operators and revenues: the write-back, reconcile, onboarding, conflicts
  // and users ask its public classes (RecordRows, RecordSnapshots, SoldRequests, ...).
  @Test
  void onlyRecordsNamesTheRecordTables() {
    classes()
        .that()
        .resideOutsideOfPackage("dev.sheetsync.records")
        // The Sheets emulator (its own module) has no database; its "requests" is Google's JSON.
        .and()
        .resideOutsideOfPackage("dev.sheetsync.emulator..")
        .should(notNameInTheirSql("requests, operators or revenues", RECORD_TABLES))
        .check(classes);
  }

  // The two rules above pass trivially if the reader sees no SQL at all; the owners must be seen.
  @Test
  void tableRulesSeeTheOwnersSql() {
    assertThat(stringConstants(classes.get("dev.sheetsync.queue.QueueClaims")))
        .anyMatch(c -> QUEUE_TABLES.matcher(c).find());
    assertThat(stringConstants(classes.get("dev.sheetsync.records.RecordRows")))
        .anyMatch(c -> RECORD_TABLES.matcher(c).find());
  }

  private static ArchCondition<JavaClass> notNameInTheirSql(String tables, Pattern pattern) {
    return new ArchCondition<>("not name " + tables + " in their SQL") {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        for (String constant : stringConstants(javaClass)) {
          if (pattern.matcher(constant).find()) {
            events.add(
                SimpleConditionEvent.violated(
                    javaClass,
                    javaClass.getName()
                        + " names "
                        + tables
                        + ": "
                        + constant.strip().replaceAll("\\s+", " ")));
          }
        }
      }
    };
  }

  /** The class file's string constants: what {@code ldc} loads and static finals hold. */
  private static List<String> stringConstants(JavaClass javaClass) {
    var source =
        javaClass
            .getSource()
            .orElseThrow(() -> new IllegalStateException("No class file for " + javaClass));
    try (InputStream in = source.getUri().toURL().openStream()) {
      return stringConstants(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the constant pool (JVMS 4.4) and returns the text of its CONSTANT_String entries. */
  private static List<String> stringConstants(InputStream classFile) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(classFile));
    in.readInt(); // magic
    in.readUnsignedShort(); // minor version
    in.readUnsignedShort(); // major version
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    List<Integer> strings = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF(); // u2 length + modified UTF-8, as readUTF expects
        case 8 -> strings.add(in.readUnsignedShort());
        case 7, 16, 19, 20 -> in.skipNBytes(2);
        case 15 -> in.skipNBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
        case 5, 6 -> {
          in.skipNBytes(8);
          i++; // long and double take two entries
        }
        default -> throw new IllegalStateException("Unknown constant pool tag " + tag);
      }
    }
    return strings.stream().map(index -> utf8[index]).toList();
  }
}
