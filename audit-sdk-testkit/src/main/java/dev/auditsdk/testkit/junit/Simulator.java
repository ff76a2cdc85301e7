package dev.auditsdk.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a simulator field or parameter that the {@link SimulatorExtension} manages.
 *
 * <ul>
 * <li>A {@code static} field is started before the first test of the class and stopped after
 *     the last; its request statistics are reset before each test.</li>
 * <li>An instance field is started before each test and stopped after it (with
 *     {@code @TestInstance(PER_CLASS)}: once per class, like a static field).</li>
 * <li>A field left {@code null} is created first: through a public static no-argument
 *     {@code create()}, a public no-argument constructor, or {@code builder().build()}. Initialize
 *     the field yourself to configure the simulator (seed, data, credentials); the extension
 *     still starts and stops it.</li>
 * <li>A parameter of a test, lifecycle method or constructor receives the field of the same
 *     type when there is one, otherwise a new simulator for that test (or for the class, in
 *     {@code @BeforeAll} and constructors).</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface Simulator {
}
