package dev.sheetsync.reliability;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.Sheet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * People's own connection to the scenario's spreadsheet: Google's client against the emulator (no
 * credentials, as a colleague's browser is its own client), and the tabs' ids as they were when
 * people started working.
 */
record PeopleClient(Sheets sheets, Map<String, Integer> sheetIds) {

  static PeopleClient of(Scenario scenario) {
    Sheets sheets =
        new Sheets.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), null)
            .setRootUrl(scenario.env.emulator.baseUrl())
            .setApplicationName("people")
            .build();
    Map<String, Integer> ids = new HashMap<>();
    try {
      for (Sheet sheet : sheets.spreadsheets().get(scenario.spreadsheetId).execute().getSheets()) {
        ids.put(sheet.getProperties().getTitle(), sheet.getProperties().getSheetId());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PeopleClient(sheets, Map.copyOf(ids));
  }
}
