package dev.auditsdk.core.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The vendor product that recorded an audit entry, e.g. Sonatype's "IQ Server": OCSF
 * {@code metadata.product}, and the service an Authentication event logs on to.
 */
@Value.Immutable
public abstract class Product {

    /**
     * @param vendorName the vendor, e.g. {@code "Sonatype"}
     * @param name the product, e.g. {@code "Lifecycle"}
     * @return a product without a version
     */
    public static Product of(String vendorName, String name) {
        return ImmutableProduct.builder().vendorName(vendorName).name(name).build();
    }

    /** @return a new builder */
    public static ImmutableProduct.Builder builder() {
        return ImmutableProduct.builder();
    }

    /** @return the vendor's name ({@code vendor_name}) */
    public abstract String vendorName();

    /** @return the product's name ({@code name}) */
    public abstract String name();

    /** @return the product's version, if the entry tells it */
    public abstract Optional<String> version();
}
