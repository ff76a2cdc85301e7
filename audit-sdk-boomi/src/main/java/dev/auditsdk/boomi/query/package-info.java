/**
 * A typed builder for the Platform API's {@code QueryFilter}: simple expressions
 * ({@link dev.auditsdk.boomi.query.QueryOperator operator},
 * {@link dev.auditsdk.boomi.query.QueryProperty property}, arguments) and grouping expressions
 * ({@code and}/{@code or}), validated when built.
 */
@AuditSdkStyle
package dev.auditsdk.boomi.query;

import dev.auditsdk.core.spi.AuditSdkStyle;
