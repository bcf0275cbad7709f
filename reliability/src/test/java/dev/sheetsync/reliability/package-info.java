/**
 * Black-box reliability suite: runs the packaged service jar as separate processes against one
 * PostgreSQL and one Sheets emulator, disturbs it (SIGKILL, Google faults, several instances,
 * people editing the sheet, the database going away, hostile input) and proves the end state with
 * one {@link dev.sheetsync.reliability.ConsistencyCheck}.
 */
package dev.sheetsync.reliability;
