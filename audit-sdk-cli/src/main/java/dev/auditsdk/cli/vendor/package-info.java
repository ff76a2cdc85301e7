/**
 * How a vendor joins the command line: one {@link dev.auditsdk.cli.vendor.VendorPlugin} per
 * vendor declares its options (with their {@code AUDITLOG_<VENDOR>_...} environment variables and
 * {@code --config} keys), builds its {@link dev.auditsdk.core.AuditLogSource} from the resolved
 * {@link dev.auditsdk.cli.vendor.VendorSettings}, and sets up its simulator for {@code auditlog demo}.
 */
@AuditSdkStyle
package dev.auditsdk.cli.vendor;

import dev.auditsdk.core.AuditSdkStyle;
