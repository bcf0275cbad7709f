/**
 * Operating the service: queue metrics for Prometheus, the OpenAPI description, and who may read
 * them.
 */
package dev.sheetsync.operations;
