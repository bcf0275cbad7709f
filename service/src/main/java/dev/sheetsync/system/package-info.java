/** Cross-cutting plumbing: database connection (external or embedded PostgreSQL), errors, clock. */
package dev.sheetsync.system;
