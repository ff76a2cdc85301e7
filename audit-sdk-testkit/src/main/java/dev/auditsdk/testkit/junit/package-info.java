/**
 * JUnit 5 support for the simulators: {@link dev.auditsdk.testkit.junit.Simulator @Simulator}
 * fields and parameters are created, started and stopped by the
 * {@link dev.auditsdk.testkit.junit.SimulatorExtension}, enabled with
 * {@link dev.auditsdk.testkit.junit.SimulatorTest @SimulatorTest}.
 *
 * <p>Needs {@code junit-jupiter-api} on the test class path (an optional dependency of the testkit).
 */
package dev.auditsdk.testkit.junit;
