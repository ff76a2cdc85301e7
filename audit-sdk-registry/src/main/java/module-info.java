/**
 * The vendors without a user interface: names, options ({@code <vendor>.<option>} keys,
 * {@code AUDITLOG_*} variables), validation, building each source from settings, and the
 * {@code streams=} format; shared by the {@code auditlog} command and the Kafka Connect connector.
 * More vendors plug in as {@link dev.auditsdk.registry.VendorPlugin} services.
 */
module dev.auditsdk.registry {
    requires transitive dev.auditsdk.core;
    requires dev.auditsdk.boomi;
    requires dev.auditsdk.informatica;
    requires dev.auditsdk.jitterbit;
    requires dev.auditsdk.lifecycle;
    requires dev.auditsdk.uipath;
    requires static org.immutables.value.annotations;
    requires static java.compiler;

    exports dev.auditsdk.registry;

    uses dev.auditsdk.registry.VendorPlugin;
}
