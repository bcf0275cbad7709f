package dev.sheetsync.sheets;

/**
 * A tab of the spreadsheet: Google's numeric id (stable across renames) and its title now.
 *
 * @param sheetId {@code SheetProperties.sheetId}
 * @param title {@code SheetProperties.title}, as shown on the tab
 */
public record TabRef(int sheetId, String title) {}
