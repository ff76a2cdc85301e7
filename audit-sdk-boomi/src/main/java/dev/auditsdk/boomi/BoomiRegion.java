package dev.auditsdk.boomi;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/** The Boomi Enterprise Platform regions with a published API host. */
public enum BoomiRegion {
    /** United States: {@code https://api.boomi.com}. */
    US("https://api.boomi.com"),
    /** United Kingdom: {@code https://api.platform.gb.boomi.com}. */
    GB("https://api.platform.gb.boomi.com");

    private final URI baseUrl;

    BoomiRegion(String baseUrl) {
        this.baseUrl = URI.create(baseUrl);
    }

    /** @return the region's API host, under which {@code /api/rest/v1/...} and {@code /auth/jwt/...} live */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * @param name {@code US} or {@code GB} (any case; {@code UK} is accepted for GB)
     * @return the region
     * @throws IllegalArgumentException for another name
     */
    public static BoomiRegion of(String name) {
        Objects.requireNonNull(name, "region");
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.equals("UK")) {
            return GB;
        }
        for (BoomiRegion r : values()) {
            if (r.name().equals(n)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown Boomi region '" + name + "': use US or GB, or set baseUrl");
    }
}
