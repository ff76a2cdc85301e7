/** Jitterbit Harmony source: the API Manager API log, read through the asynchronous log export. */
module dev.auditsdk.jitterbit {
    requires transitive dev.auditsdk.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires static org.immutables.value.annotations;
    requires static java.compiler;

    exports dev.auditsdk.jitterbit;
    exports dev.auditsdk.jitterbit.auth;
    exports dev.auditsdk.jitterbit.model;

    // Jackson reads the login and export-status answers into the model's types by reflection
    opens dev.auditsdk.jitterbit.model to com.fasterxml.jackson.databind;
}
