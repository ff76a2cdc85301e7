package dev.auditsdk.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The vendors the command line and the Kafka connector know: the built-in ones, plus any found with
 * {@link ServiceLoader} (a jar on the class path with a
 * {@code META-INF/services/dev.auditsdk.registry.VendorPlugin} entry).
 */
public final class VendorRegistry {
    private final Map<String, VendorPlugin> plugins;

    private VendorRegistry(List<VendorPlugin> plugins) {
        Map<String, VendorPlugin> byName = new LinkedHashMap<>();
        for (VendorPlugin p : plugins) {
            if (byName.putIfAbsent(p.name(), p) != null) {
                throw new IllegalArgumentException("two vendor plugins are named '" + p.name() + "'");
            }
        }
        this.plugins = Collections.unmodifiableMap(byName);
    }

    /**
     * @param plugins the vendors, in display order
     * @return a registry of exactly these vendors
     */
    public static VendorRegistry of(List<? extends VendorPlugin> plugins) {
        return new VendorRegistry(new ArrayList<>(Objects.requireNonNull(plugins, "plugins")));
    }

    /** @return the vendors of this project, in display order */
    public static List<VendorPlugin> builtIn() {
        return List.of(new BoomiPlugin(), InformaticaPlugin.auditLog(), InformaticaPlugin.securityLog(),
                new JitterbitPlugin(), new LifecyclePlugin(), UiPathPlugin.classic(), UiPathPlugin.unified());
    }

    /** @return the built-in vendors followed by those found on the class path */
    public static VendorRegistry discover() {
        List<VendorPlugin> all = new ArrayList<>(builtIn());
        for (VendorPlugin p : ServiceLoader.load(VendorPlugin.class)) {
            all.add(p);
        }
        return new VendorRegistry(all);
    }

    /** @return every vendor, in display order */
    public List<VendorPlugin> all() {
        return new ArrayList<>(plugins.values());
    }

    /**
     * @param name a vendor name
     * @return the vendor, if known
     */
    public Optional<VendorPlugin> find(String name) {
        return Optional.ofNullable(plugins.get(name));
    }
}
