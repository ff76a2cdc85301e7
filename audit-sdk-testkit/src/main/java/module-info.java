/**
 * In-JVM simulators of the five vendors' audit-log APIs (with seeded data, faults and chaos
 * mode), JUnit 5 extensions that start them, and an OCSF schema validator: for testing code that
 * reads audit logs with audit-sdk, without a vendor account.
 */
module dev.auditsdk.testkit {
    requires transitive com.fasterxml.jackson.databind;
    requires jdk.httpserver;
    requires org.slf4j;
    requires static org.junit.jupiter.api;
    requires static org.junit.platform.commons;

    exports dev.auditsdk.testkit;
    exports dev.auditsdk.testkit.boomi;
    exports dev.auditsdk.testkit.informatica;
    exports dev.auditsdk.testkit.jitterbit;
    exports dev.auditsdk.testkit.junit;
    exports dev.auditsdk.testkit.lifecycle;
    exports dev.auditsdk.testkit.ocsf;
    exports dev.auditsdk.testkit.uipath;
}
