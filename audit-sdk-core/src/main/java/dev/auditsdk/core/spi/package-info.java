/**
 * Machinery shared by audit-sdk's modules, with no compatibility promise: see
 * {@link dev.auditsdk.core.spi.AuditSdkProtectedApi}. This package itself holds only the two
 * annotations every module uses ({@code AuditSdkProtectedApi} and the Immutables style
 * {@link dev.auditsdk.core.spi.AuditSdkStyle}); its sub-packages, from the bottom up:
 *
 * <ul>
 * <li>{@code spi.util}: the one Jackson configuration, iterators, closing, redaction, timestamps;</li>
 * <li>{@code spi.json}: bounded streaming readers (JSON lines and arrays, CSV, sniffed and
 *     decompressed bodies) and canonical JSON identity;</li>
 * <li>{@code spi.auth}: authenticators, the token cache and token lifetimes;</li>
 * <li>{@code spi.http}: the transport pipeline every request goes through;</li>
 * <li>{@code spi.paging}: pagers, exactly-once delivery and the stream sources return.</li>
 * </ul>
 *
 * <p>Packages only depend on packages listed before them (and on the user API below them:
 * errors, the contract, events); no package cycles (checked by {@code PackageCycleTest}).
 */
@AuditSdkProtectedApi
package dev.auditsdk.core.spi;
