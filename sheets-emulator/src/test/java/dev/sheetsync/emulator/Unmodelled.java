package dev.sheetsync.emulator;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The one list of response fields the emulator deliberately does not model, each with the reason.
 * {@link GspreadReplayTest} leaves differences in these fields out of its comparison; every other
 * field of Google's recorded answers is compared.
 */
final class Unmodelled {

  /** A field (a regular expression over {@link JsonDiff} paths) and why it is not modelled. */
  record Field(Pattern path, String reason) {
    Field(String regex, String reason) {
      this(Pattern.compile(regex), reason);
    }
  }

  static final List<Field> FIELDS =
      List.of(
          new Field(
              "properties\\.defaultFormat(\\..*)?",
              "cell formatting is accepted and stored, never rendered; the default format is a"
                  + " constant of Google's UI"),
          new Field(
              "properties\\.spreadsheetTheme(\\..*)?",
              "themes are presentation only; sheetsync never reads them"),
          new Field(
              "sheets\\[\\]\\.protectedRanges\\[\\]\\.editors\\.users",
              "lists the caller's Google account, which the emulator has no notion of"),
          new Field(
              "spreadsheetUrl",
              "points at docs.google.com on Google; the emulator's points at its own HTML view"));

  private Unmodelled() {}

  static boolean ignored(String path) {
    return FIELDS.stream().anyMatch(f -> f.path().matcher(path).matches());
  }
}
