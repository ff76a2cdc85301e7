/** Informatica IDMC sources: the v2 audit log and the v3 security log. */
module dev.auditsdk.informatica {
    requires transitive dev.auditsdk.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires static org.immutables.value.annotations;
    requires static java.compiler;

    exports dev.auditsdk.informatica;
    exports dev.auditsdk.informatica.model;

    // Jackson reads the login answers (main package) and the entries' JSON views (model) by reflection
    opens dev.auditsdk.informatica to com.fasterxml.jackson.databind;
    opens dev.auditsdk.informatica.model to com.fasterxml.jackson.databind;
}
