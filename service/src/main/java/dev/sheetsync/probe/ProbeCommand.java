package dev.sheetsync.probe;

import com.google.api.client.googleapis.javanet.GoogleNetHttpTransport;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.SheetsScopes;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.sheetsync.emulator.SheetsEmulator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar sheetsync.jar --probe}: runs the {@link ConformanceProbe} against the
 * spreadsheet the environment configures (the same variables as the service: {@code
 * SHEETS_SPREADSHEET_ID}, {@code GOOGLE_APPLICATION_CREDENTIALS} or {@code
 * GOOGLE_SERVICE_ACCOUNT_JSON}, or {@code SHEETS_EMULATOR_HOST}; with none, an embedded emulator)
 * without starting the service, prints one line per behaviour and exits 0 when nothing failed, 1
 * otherwise.
 */
public final class ProbeCommand {

  private ProbeCommand() {}

  /** Whether the command line asks for the probe. */
  public static boolean requested(String[] args) {
    return List.of(args).contains("--probe");
  }

  /** Runs the probe; the exit status (0 all passed or skipped, 1 a failure, 2 setup failed). */
  public static int run(Map<String, String> env, PrintStream out) {
    String spreadsheetId = env.getOrDefault("SHEETS_SPREADSHEET_ID", "local");
    SheetsEmulator embedded = null;
    try {
      Sheets sheets;
      String target;
      if (env.get("SHEETS_EMULATOR_HOST") != null) {
        target = "the emulator at " + env.get("SHEETS_EMULATOR_HOST");
        sheets =
            client(
                new NetHttpTransport(), r -> {}, "http://" + env.get("SHEETS_EMULATOR_HOST") + "/");
      } else if (env.get("GOOGLE_APPLICATION_CREDENTIALS") != null
          || env.get("GOOGLE_SERVICE_ACCOUNT_JSON") != null) {
        target = "Google";
        GoogleCredentials credentials =
            credentials(env).createScoped(List.of(SheetsScopes.SPREADSHEETS));
        sheets =
            client(
                GoogleNetHttpTransport.newTrustedTransport(),
                new HttpCredentialsAdapter(credentials),
                null);
      } else {
        target = "an embedded emulator (no credentials or emulator host configured)";
        embedded = SheetsEmulator.start(0);
        embedded.createSpreadsheet(spreadsheetId, "probe", Map.of("Sheet1", List.of()));
        sheets = client(new NetHttpTransport(), r -> {}, embedded.baseUrl());
      }
      out.println("sheetsync conformance probe: spreadsheet " + spreadsheetId + " on " + target);
      List<ConformanceProbe.Check> checks = ConformanceProbe.run(sheets, spreadsheetId);
      for (ConformanceProbe.Check c : checks) {
        out.printf("%-7s %-52s %s%n", c.outcome(), c.behaviour(), c.answer());
      }
      boolean failed = checks.stream().anyMatch(c -> c.outcome() == ConformanceProbe.Outcome.FAIL);
      out.println(
          failed
              ? "Some behaviours differ from what sheetsync relies on: please report this output."
              : "Every behaviour sheetsync relies on answered as expected.");
      return failed ? 1 : 0;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      out.println("probe could not start: " + e.getMessage());
      return 2;
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  private static Sheets client(
      HttpTransport transport, HttpRequestInitializer initializer, String rootUrl) {
    Sheets.Builder builder =
        new Sheets.Builder(transport, GsonFactory.getDefaultInstance(), initializer)
            .setApplicationName("sheetsync-probe");
    if (rootUrl != null) {
      builder.setRootUrl(rootUrl);
    }
    return builder.build();
  }

  private static ServiceAccountCredentials credentials(Map<String, String> env) throws IOException {
    String file = env.get("GOOGLE_APPLICATION_CREDENTIALS");
    try (InputStream in =
        file != null
            ? Files.newInputStream(Path.of(file))
            : new ByteArrayInputStream(
                env.get("GOOGLE_SERVICE_ACCOUNT_JSON").getBytes(StandardCharsets.UTF_8))) {
      return ServiceAccountCredentials.fromStream(in);
    }
  }
}
