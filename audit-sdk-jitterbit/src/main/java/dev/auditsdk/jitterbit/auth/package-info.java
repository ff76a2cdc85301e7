/**
 * The two-factor login's caller side: a {@link dev.auditsdk.jitterbit.auth.TfaCodeSupplier} is
 * asked for the code Harmony emailed, and told who it went to in a
 * {@link dev.auditsdk.jitterbit.auth.TfaChallenge}.
 */
@AuditSdkStyle
package dev.auditsdk.jitterbit.auth;

import dev.auditsdk.core.spi.AuditSdkStyle;
