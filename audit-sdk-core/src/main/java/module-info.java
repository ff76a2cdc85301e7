/**
 * The audit-sdk core: the contract every vendor module implements ({@code dev.auditsdk.core}),
 * credentials, errors, normalized events, retry policy, the shared source builder, and, for
 * audit-sdk's own modules only, the machinery under {@code dev.auditsdk.core.spi.*}.
 *
 * <p>User API packages are exported to everyone; the machinery packages only to audit-sdk's
 * modules (see {@link dev.auditsdk.core.spi.AuditSdkProtectedApi}).
 */
module dev.auditsdk.core {
    requires transitive com.fasterxml.jackson.databind;
    requires transitive java.net.http;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires dev.failsafe.core;
    requires org.slf4j;
    requires static org.immutables.value.annotations;

    exports dev.auditsdk.core;
    exports dev.auditsdk.core.auth;
    exports dev.auditsdk.core.error;
    exports dev.auditsdk.core.http;
    exports dev.auditsdk.core.model;
    exports dev.auditsdk.core.retry;
    exports dev.auditsdk.core.source;
    exports dev.auditsdk.core.spi;

    exports dev.auditsdk.core.spi.util to
            dev.auditsdk.boomi, dev.auditsdk.lifecycle, dev.auditsdk.informatica, dev.auditsdk.jitterbit,
            dev.auditsdk.uipath, dev.auditsdk.registry, dev.auditsdk.testkit, dev.auditsdk.micrometer,
            dev.auditsdk.cli, dev.auditsdk.kafka.connect;
    exports dev.auditsdk.core.spi.json to
            dev.auditsdk.boomi, dev.auditsdk.lifecycle, dev.auditsdk.informatica, dev.auditsdk.jitterbit,
            dev.auditsdk.uipath, dev.auditsdk.registry, dev.auditsdk.testkit, dev.auditsdk.micrometer,
            dev.auditsdk.cli, dev.auditsdk.kafka.connect;
    exports dev.auditsdk.core.spi.auth to
            dev.auditsdk.boomi, dev.auditsdk.lifecycle, dev.auditsdk.informatica, dev.auditsdk.jitterbit,
            dev.auditsdk.uipath, dev.auditsdk.registry, dev.auditsdk.testkit, dev.auditsdk.micrometer,
            dev.auditsdk.cli, dev.auditsdk.kafka.connect;
    exports dev.auditsdk.core.spi.http to
            dev.auditsdk.boomi, dev.auditsdk.lifecycle, dev.auditsdk.informatica, dev.auditsdk.jitterbit,
            dev.auditsdk.uipath, dev.auditsdk.registry, dev.auditsdk.testkit, dev.auditsdk.micrometer,
            dev.auditsdk.cli, dev.auditsdk.kafka.connect;
    exports dev.auditsdk.core.spi.paging to
            dev.auditsdk.boomi, dev.auditsdk.lifecycle, dev.auditsdk.informatica, dev.auditsdk.jitterbit,
            dev.auditsdk.uipath, dev.auditsdk.registry, dev.auditsdk.testkit, dev.auditsdk.micrometer,
            dev.auditsdk.cli, dev.auditsdk.kafka.connect;

    opens dev.auditsdk.core.model to com.fasterxml.jackson.databind;
}
