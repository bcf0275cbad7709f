package dev.sheetsync.users;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who changes read in from the sheet are attributed to (records' {@code updatedBy}).
 *
 * @param sheetUser email of that user ({@code sheetsync.sync.sheet-user}, env {@code
 *     SHEETSYNC_SHEET_USER}); blank = the first admin, by creation order, of the users table
 */
@ConfigurationProperties("sheetsync.sync")
public record SheetUserProperties(String sheetUser) {}
