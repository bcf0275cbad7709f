/**
 * Who may call what: form login with sessions in PostgreSQL, JSON 401/403, cross-site request
 * refusal, the {@link dev.sheetsync.security.SecurityRules} extension point and {@link
 * dev.sheetsync.security.CurrentUser}.
 */
package dev.sheetsync.security;
