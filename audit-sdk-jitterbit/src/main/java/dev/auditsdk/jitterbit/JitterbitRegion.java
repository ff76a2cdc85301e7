package dev.auditsdk.jitterbit;

import java.net.URI;

/**
 * The Harmony regions and their hosts. An organization lives in one region; its logs are
 * only served by that region's host. Other hosts (for example {@code apac-southeast}) are set
 * with the source builder's {@code baseUrl}.
 */
public enum JitterbitRegion {
    /** North America: {@code https://na-east.jitterbit.com}. */
    NA("https://na-east.jitterbit.com"),
    /** Europe, Middle East and Africa: {@code https://emea-west.jitterbit.com}. */
    EMEA("https://emea-west.jitterbit.com"),
    /** Asia-Pacific, as the Log Service documentation names it: {@code https://apac.jitterbit.com}. */
    APAC("https://apac.jitterbit.com");

    private final URI host;

    JitterbitRegion(String host) {
        this.host = URI.create(host);
    }

    /** @return the region's host; the API lives under {@code /jitterbit-cloud-restful-service} on it */
    public URI host() {
        return host;
    }
}
