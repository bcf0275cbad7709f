/**
 * Reconcile: compares every layout tab with the database and the written-values base, reports what
 * is missing, copied, stale, orphaned or edited, and repairs it through the normal write path.
 */
package dev.sheetsync.reconcile;
