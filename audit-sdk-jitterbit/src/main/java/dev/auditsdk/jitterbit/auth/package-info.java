/**
 * Jitterbit Harmony login: email and password through the User Service Controller, with the
 * two-step two-factor flow ({@link dev.auditsdk.jitterbit.auth.TfaCodeSupplier}), and the
 * session it yields ({@link dev.auditsdk.jitterbit.auth.JitterbitSession}).
 */
@AuditSdkStyle
package dev.auditsdk.jitterbit.auth;

import dev.auditsdk.core.spi.AuditSdkStyle;
