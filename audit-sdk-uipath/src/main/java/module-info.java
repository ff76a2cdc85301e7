/** UiPath audit logs: the classic Platform Management audit log and the unified audit API. */
module dev.auditsdk.uipath {
    requires transitive dev.auditsdk.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires static org.immutables.value.annotations;
    requires static java.compiler; // javax.annotation.processing.Generated on the Immutables-generated types

    exports dev.auditsdk.uipath;
    exports dev.auditsdk.uipath.model;

    opens dev.auditsdk.uipath.model to com.fasterxml.jackson.databind;
}
