/**
 * Boomi's audit log: {@link dev.auditsdk.boomi.BoomiAuditLogSource} reads the Platform API's
 * {@code AuditLog} query (built by {@link dev.auditsdk.boomi.BoomiSourceBuilder}),
 * {@link dev.auditsdk.boomi.BoomiStagedAuditLogExport} exports long ranges through the Audit Log
 * Staging API (built by {@link dev.auditsdk.boomi.BoomiStagedExportBuilder}); the options both
 * share are in {@link dev.auditsdk.boomi.AbstractBoomiSourceBuilder}.
 */
package dev.auditsdk.boomi;
