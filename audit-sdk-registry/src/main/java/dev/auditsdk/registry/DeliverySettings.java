package dev.auditsdk.registry;

import dev.auditsdk.core.LateEntryPolicy;
import dev.auditsdk.core.source.AbstractSourceBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The options every vendor offers for the settings every source builder has ({@code lateness},
 * {@code lateEntryPolicy}, {@code parallelism}), so the CLI, its config file and the Kafka
 * connector reach them under one name for every vendor.
 */
final class DeliverySettings {
    /** Option name of {@link AbstractSourceBuilder#lateness}. */
    static final String LATENESS = "lateness";
    /** Option name of {@link AbstractSourceBuilder#lateEntryPolicy}. */
    static final String LATE_ENTRIES = "late-entries";
    /** Option name of {@link AbstractSourceBuilder#parallelism}. */
    static final String PARALLELISM = "parallelism";

    private DeliverySettings() {
    }

    /**
     * @param vendorOptions the vendor's own options
     * @return them followed by the shared options
     */
    static List<VendorOption> with(List<VendorOption> vendorOptions) {
        List<VendorOption> all = new ArrayList<>(vendorOptions);
        all.add(VendorOption.text(LATENESS, "DURATION", "How far behind the newest delivered entry an entry may still"
                + " turn up and be delivered in order, e.g. 5s (default: the vendor's, see the README)."));
        all.add(VendorOption.text(LATE_ENTRIES, "POLICY", "What happens to an entry later than the lateness: fail"
                + " (default: stop with a data error naming it) or deliver (out of order, with a warning)."));
        all.add(VendorOption.text(PARALLELISM, "N", "Requests of one read in flight at once, 1.."
                + AbstractSourceBuilder.MAX_PARALLELISM + ", where the vendor's paging allows reading ahead; entries"
                + " still come in order (default: the vendor's, see the README)."));
        return List.copyOf(all);
    }

    /**
     * Applies the shared options that are set.
     *
     * @param builder a source builder
     * @param settings the resolved settings
     * @param <B> the builder type
     * @return the builder
     * @throws VendorSettingException naming the option when a value is not valid
     */
    static <B extends AbstractSourceBuilder<B>> B apply(B builder, VendorSettings settings) {
        settings.setInteger(PARALLELISM, builder::parallelism);
        settings.duration(LATENESS, true).ifPresent(builder::lateness);
        settings.get(LATE_ENTRIES).ifPresent(v -> {
            switch (v.trim().toLowerCase(Locale.ROOT)) {
                case "fail":
                    builder.lateEntryPolicy(LateEntryPolicy.FAIL);
                    break;
                case "deliver":
                    builder.lateEntryPolicy(LateEntryPolicy.DELIVER);
                    break;
                default:
                    throw settings.invalid(LATE_ENTRIES, "expected fail or deliver");
            }
        });
        return builder;
    }
}
