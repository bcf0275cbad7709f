/**
 * Connecting a spreadsheet that sheetsync did not fill itself: resync (queue every record again,
 * for a new or wiped spreadsheet) and adopting the rows of a sheet a team already keeps.
 */
package dev.sheetsync.onboarding;
