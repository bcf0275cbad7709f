package dev.sheetsync.sheets;

import com.google.api.client.googleapis.javanet.GoogleNetHttpTransport;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.SheetsScopes;
import com.google.api.services.sheets.v4.model.ValueRange;
import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.sheetsync.emulator.EmulatorControl;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link Sheets} client of the service, pointed at Google, an external emulator, or an
 * embedded one (see {@link SheetsProperties}).
 */
@Configuration(proxyBeanMethods = false)
class SheetsClientConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SheetsClientConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedEmulator embeddedEmulator(SheetsProperties properties, SheetLayouts layouts) {
    return properties.mode() == SheetsProperties.Mode.EMBEDDED_EMULATOR
        ? EmbeddedEmulator.start(properties, layouts)
        : EmbeddedEmulator.none();
  }

  @Bean
  SheetsCredentials sheetsCredentials(SheetsProperties properties) {
    if (properties.mode() != SheetsProperties.Mode.GOOGLE) {
      return new SheetsCredentials(null);
    }
    return new SheetsCredentials(load(properties));
  }

  @Bean
  SpreadsheetTarget spreadsheetTarget(
      SheetsProperties properties, EmbeddedEmulator embedded, SheetsCredentials credentials) {
    String id = properties.spreadsheetId();
    SpreadsheetTarget target =
        switch (properties.mode()) {
          case GOOGLE ->
              new SpreadsheetTarget(
                  id,
                  SpreadsheetTarget.googleUrl(id),
                  properties.mode(),
                  credentials.credentials().getClientEmail(),
                  null);
          case EXTERNAL_EMULATOR ->
              new SpreadsheetTarget(
                  id,
                  SpreadsheetTarget.emulatorViewUrl(emulatorRootUrl(properties), id),
                  properties.mode(),
                  null,
                  null);
          case EMBEDDED_EMULATOR ->
              new SpreadsheetTarget(
                  id,
                  SpreadsheetTarget.emulatorViewUrl(embedded.emulator().baseUrl(), id),
                  properties.mode(),
                  null,
                  embedded.emulator());
        };
    log.info("Google Sheets target: {} ({})", target.spreadsheetUrl(), target.mode());
    return target;
  }

  @Bean
  Sheets sheets(
      SheetsProperties properties,
      SpreadsheetTarget target,
      EmbeddedEmulator embedded,
      SheetsCredentials credentials,
      SheetLayouts layouts,
      ObjectProvider<MeterRegistry> meters) {
    SheetsRequestInitializer initializer =
        new SheetsRequestInitializer(
            credentials.credentials() == null
                ? null
                : credentials.credentials().createScoped(List.of(SheetsScopes.SPREADSHEETS)),
            properties.connectTimeout(),
            properties.readTimeout(),
            meters.getIfAvailable(SimpleMeterRegistry::new));
    Sheets.Builder builder =
        new Sheets.Builder(
                transport(properties),
                GsonFactory.getDefaultInstance(),
                embedded.authorizing(initializer))
            .setApplicationName(properties.applicationName());
    switch (properties.mode()) {
      case EXTERNAL_EMULATOR -> builder.setRootUrl(emulatorRootUrl(properties));
      case EMBEDDED_EMULATOR -> builder.setRootUrl(embedded.emulator().baseUrl());
      case GOOGLE -> {}
    }
    Sheets sheets = builder.build();
    boolean emulatorReady =
        target.embedded()
            || properties.mode() == SheetsProperties.Mode.EXTERNAL_EMULATOR
                && properties.createOnEmulator()
                && createOnExternalEmulator(properties, layouts);
    if (emulatorReady) {
      writeHeadersBelowRowOne(sheets, target.spreadsheetId(), layouts);
    }
    return sheets;
  }

  /**
   * A standalone emulator starts empty: create the spreadsheet and its missing tabs, with headers,
   * as the embedded one does (idempotent; existing tabs are left as people made them). Never on
   * Google, where the spreadsheet is the operator's to create and share.
   */
  private static boolean createOnExternalEmulator(
      SheetsProperties properties, SheetLayouts layouts) {
    Map<String, List<String>> tabs = new LinkedHashMap<>();
    for (TabLayout tab : layouts.tabs()) {
      // The emulator writes headers into row 1; other header rows are written below.
      tabs.put(tab.tabName(), tab.headerRow() == 1 ? tab.headers() : List.of());
    }
    String root = emulatorRootUrl(properties);
    try {
      EmulatorControl.remote(root).createSpreadsheet(properties.spreadsheetId(), "sheetsync", tabs);
      log.info(
          "Spreadsheet '{}' and its tabs are ready on the emulator at {}",
          properties.spreadsheetId(),
          root);
      return true;
    } catch (RuntimeException e) {
      log.warn(
          "Could not create spreadsheet '{}' on the emulator at {} ({}); start the emulator first",
          properties.spreadsheetId(),
          root,
          e.getMessage());
      return false;
    }
  }

  static String emulatorRootUrl(SheetsProperties properties) {
    return "http://" + properties.emulatorHost() + "/";
  }

  private static HttpTransport transport(SheetsProperties properties) {
    if (properties.mode() != SheetsProperties.Mode.GOOGLE) {
      return new NetHttpTransport();
    }
    try {
      return GoogleNetHttpTransport.newTrustedTransport();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("Cannot set up HTTPS to Google: " + e.getMessage(), e);
    }
  }

  private static ServiceAccountCredentials load(SheetsProperties properties) {
    String source =
        properties.credentialsFile() != null
            ? "GOOGLE_APPLICATION_CREDENTIALS (" + properties.credentialsFile() + ")"
            : "GOOGLE_SERVICE_ACCOUNT_JSON";
    try (InputStream in =
        properties.credentialsFile() != null
            ? Files.newInputStream(Path.of(properties.credentialsFile()))
            : new ByteArrayInputStream(
                properties.serviceAccountJson().getBytes(StandardCharsets.UTF_8))) {
      return ServiceAccountCredentials.fromStream(in);
    } catch (IOException e) {
      throw new IllegalStateException(
          source + " is not a readable service-account JSON key: " + e.getMessage(), e);
    }
  }

  /** An emulator puts headers in row 1; a layout may want them lower. */
  private static void writeHeadersBelowRowOne(Sheets sheets, String id, SheetLayouts layouts) {
    for (TabLayout tab : layouts.tabs()) {
      if (tab.headerRow() == 1) {
        continue;
      }
      try {
        String range = RowMapper.headerRange(tab);
        ValueRange existing = sheets.spreadsheets().values().get(id, range).execute();
        if (existing.getValues() == null || existing.getValues().isEmpty()) {
          List<Object> headers = tab.headers().stream().map(h -> (Object) h).toList();
          sheets
              .spreadsheets()
              .values()
              .update(id, range, new ValueRange().setValues(List.of(headers)))
              .setValueInputOption("RAW")
              .execute();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write the header row of " + tab.tabName(), e);
      }
    }
  }

  /** The service account's key, or null when not talking to Google. */
  record SheetsCredentials(ServiceAccountCredentials credentials) {}
}
