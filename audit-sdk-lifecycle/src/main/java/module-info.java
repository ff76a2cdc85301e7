/** Sonatype Lifecycle (IQ Server) audit log: the REST source and the on-disk reader. */
module dev.auditsdk.lifecycle {
    requires transitive dev.auditsdk.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires static org.immutables.value.annotations;
    requires static java.compiler; // javax.annotation.processing.Generated on the Immutables-generated types

    exports dev.auditsdk.lifecycle;
    exports dev.auditsdk.lifecycle.model;

    opens dev.auditsdk.lifecycle.model to com.fasterxml.jackson.databind;
}
