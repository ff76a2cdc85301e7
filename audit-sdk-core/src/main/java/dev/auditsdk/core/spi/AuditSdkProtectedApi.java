package dev.auditsdk.core.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import dev.auditsdk.core.source.AbstractSourceBuilder;

/**
 * Marks machinery that audit-sdk's own modules share but users should not build on: the
 * transport, pagers, readers and authenticators under {@code dev.auditsdk.core.spi.*}, and the
 * few protected members of user-API types that only vendor modules call (such as
 * {@code AbstractSourceBuilder#transportBuilder}).
 *
 * <p>Anything carrying this annotation (directly, or through its package) may change or disappear
 * in any release, without notice. On the module path the {@code spi} packages are exported only
 * to audit-sdk's modules, so an application cannot compile against them; on the class path the
 * annotation is the warning. The compatibility gate in the build ({@code ApiSurfaceTest} in
 * {@code audit-sdk-module-test}) checks the user API only, and refuses user-API signatures that
 * mention these types unless the member itself carries this annotation.
 *
 * <p>The idea is the AWS SDK for Java v2's {@code @SdkProtectedApi}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PACKAGE, ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface AuditSdkProtectedApi {
}
