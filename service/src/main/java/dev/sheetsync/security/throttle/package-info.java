/**
 * Login throttling: repeated failed logins for one account or from one address are slowed down,
 * then locked for a while, with the counters in PostgreSQL so that every instance enforces them.
 */
package dev.sheetsync.security.throttle;
