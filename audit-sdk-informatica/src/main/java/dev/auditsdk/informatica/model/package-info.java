/**
 * Typed Informatica IDMC entries: the v2 audit log's
 * {@link dev.auditsdk.informatica.model.InformaticaAuditEntry} and the v3 security log's
 * {@link dev.auditsdk.informatica.model.InformaticaSecurityLogEntry}, the known values of their
 * open code attributes, and their normalization to {@link dev.auditsdk.core.model.AuditEvent}.
 */
@AuditSdkStyle
package dev.auditsdk.informatica.model;

import dev.auditsdk.core.spi.AuditSdkStyle;
