/**
 * The booking records (requests, operators, revenues): their API, validation, and the single write
 * path that records every change in the outbox.
 */
package dev.sheetsync.records;
