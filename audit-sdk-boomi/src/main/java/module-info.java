/** Boomi's audit log: the Platform API's AuditLog query and the Audit Log Staging API's export. */
module dev.auditsdk.boomi {
    requires transitive dev.auditsdk.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires static org.immutables.value.annotations;
    requires static java.compiler;

    exports dev.auditsdk.boomi;
    exports dev.auditsdk.boomi.auth;
    exports dev.auditsdk.boomi.model;
    exports dev.auditsdk.boomi.query;

    // BoomiAuditEntry is written by Jackson through its @JsonValue accessor
    opens dev.auditsdk.boomi.model to com.fasterxml.jackson.databind;
}
