/**
 * Alerts: tells people when the sync needs them (failed items, an old backlog, repeated quota
 * exhaustion, or any other {@link dev.sheetsync.alerts.AlertCondition}) and again when it recovers,
 * by webhook and e-mail, at most once per condition per {@code sheetsync.alerts.repeat-after}.
 */
package dev.sheetsync.alerts;
