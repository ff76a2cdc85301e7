/**
 * The {@code --checkpoint FILE} store: where a run continues, and how much of its output file
 * was committed with it, saved atomically.
 */
@AuditSdkStyle
package dev.auditsdk.cli.checkpoint;

import dev.auditsdk.core.spi.AuditSdkStyle;
