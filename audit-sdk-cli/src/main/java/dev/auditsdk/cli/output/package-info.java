/**
 * The output formats of {@code auditlog}: one entry per line as the normalized event
 * ({@code ndjson}), the vendor's own JSON ({@code raw}), OCSF ({@code ocsf}) or RFC 4180 CSV ({@code csv}).
 */
package dev.auditsdk.cli.output;
