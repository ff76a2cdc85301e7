/**
 * A simulator of the Informatica IDMC (Intelligent Cloud Services) REST API: v2 login with a
 * {@code serverUrl} and {@code icSessionId}, idle session expiry, the newest-first
 * {@code /api/v2/auditlog} batches, logout, and the v3 {@code securityLog} with its row cap.
 */
package dev.auditsdk.testkit.informatica;
