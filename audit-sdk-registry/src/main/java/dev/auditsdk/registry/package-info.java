/**
 * The vendors, without any user interface: one {@link dev.auditsdk.registry.VendorPlugin} per
 * vendor declares its options (with their {@code AUDITLOG_<VENDOR>_...} environment variables and
 * {@code <vendor>.<option>} keys), validates their values and builds its
 * {@link dev.auditsdk.core.AuditLogSource} from the resolved
 * {@link dev.auditsdk.registry.VendorSettings}. The command line and the Kafka connector share
 * this one definition of every option.
 */
@AuditSdkStyle
package dev.auditsdk.registry;

import dev.auditsdk.core.spi.AuditSdkStyle;
