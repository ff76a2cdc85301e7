package dev.auditsdk.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Enables the {@link SimulatorExtension} on a test class, so its {@link Simulator @Simulator}
 * fields and parameters are created, started and stopped for it.
 *
 * <pre>{@code
 * @SimulatorTest
 * class MyCollectorTest {
 *     @Simulator
 *     static LifecycleSimulator iq;            // started once for the class
 *
 *     @Test
 *     void readsYesterday() {
 *         var source = LifecycleAuditLogSource.builder().baseUrl(iq.baseUrl())...build();
 *         ...
 *         assertThat(iq.requestCount()).isEqualTo(1);   // statistics are per test
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(SimulatorExtension.class)
public @interface SimulatorTest {
}
