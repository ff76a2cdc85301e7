/**
 * A consumer of audit-sdk on the module path, as an application with its own module-info would
 * be: it requires the vendor modules and reaches only what they export.
 */
module dev.auditsdk.moduletest {
    requires dev.auditsdk.core;
    requires dev.auditsdk.lifecycle;
    requires dev.auditsdk.boomi;
    requires dev.auditsdk.informatica;
    requires dev.auditsdk.jitterbit;
    requires dev.auditsdk.uipath;
    requires dev.auditsdk.registry;
    requires org.slf4j;

    exports dev.auditsdk.moduletest;
}
