/**
 * The Boomi simulator: Platform API {@code AuditLog} query/queryMore with Basic and API-token
 * auth and 503 throttling, the JWT generator, and the Audit Log Staging export.
 */
package dev.auditsdk.testkit.boomi;
