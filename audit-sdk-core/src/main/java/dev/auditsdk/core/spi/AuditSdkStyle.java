package dev.auditsdk.core.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The project's Immutables style: generated {@code ImmutableXxx} types with a
 * {@code builder()}, plain accessor names, {@code Optional} for optional attributes, no Guava.
 * Put it on a {@code package-info.java} (or a type) of any module that defines value types.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
        typeImmutable = "Immutable*",
        jdkOnly = true,
        optionalAcceptNullable = true,
        visibility = Value.Style.ImplementationVisibility.PUBLIC,
        defaults = @Value.Immutable(copy = true))
public @interface AuditSdkStyle {
}
