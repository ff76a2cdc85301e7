package dev.auditsdk.core.spi.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Base-URL helpers shared by every vendor builder: joining paths, and the rule that plain
 * HTTP is refused except for loopback hosts unless the caller opts in.
 */
public final class Endpoints {
    private Endpoints() {
    }

    /**
     * Resolves a relative path against a base URL, keeping the base's own path
     * ({@code https://h/org/tenant} + {@code audit_/api} = {@code https://h/org/tenant/audit_/api}).
     *
     * @param base an absolute base URL
     * @param path a relative path (a leading {@code /} is ignored)
     * @return the joined URL
     */
    public static URI resolve(URI base, String path) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(path, "path");
        String b = base.toString();
        if (b.contains("?")) {
            throw new IllegalArgumentException("base URL must not have a query: " + base);
        }
        String p = path.startsWith("/") ? path.substring(1) : path;
        return URI.create(b.endsWith("/") ? b + p : b + "/" + p);
    }

    /**
     * Checks that a URL may carry credentials: {@code https}, or {@code http} to a loopback host,
     * or {@code http} anywhere when the caller opted in.
     *
     * @param uri the URL
     * @param allowInsecureHttp the caller's explicit opt-in to plain HTTP
     * @return the URL
     * @throws IllegalArgumentException for another scheme, or plain HTTP to a non-loopback host without opt-in
     */
    public static URI requireSecure(URI uri, boolean allowInsecureHttp) {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("URL has no host: " + uri);
        }
        if (scheme.equals("https")) {
            return uri;
        }
        if (!scheme.equals("http")) {
            throw new IllegalArgumentException("URL scheme must be https (or http for loopback), was: " + uri);
        }
        if (allowInsecureHttp || isLoopback(uri.getHost())) {
            return uri;
        }
        throw new IllegalArgumentException("refusing plain HTTP to " + uri.getHost()
                + ": use https, or opt in explicitly with allowInsecureHttp(true)");
    }

    /**
     * @param host a host name or literal address
     * @return whether it is the loopback interface ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1})
     */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a DNS name other than localhost: do not resolve, not loopback
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * @param a a URL
     * @param b another URL
     * @return whether both have the same scheme, host and port (credentials may be sent to both)
     */
    public static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(lower(a.getScheme()), lower(b.getScheme()))
                && Objects.equals(lower(a.getHost()), lower(b.getHost()))
                && port(a) == port(b);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /**
     * Percent-encodes a value for a URL path segment or query component: UTF-8, a space as
     * {@code %20} (never {@code +}, which a path keeps literally), reserved characters escaped.
     *
     * @param value the raw value
     * @return the encoded text
     */
    public static String encode(String value) {
        return URLEncoder.encode(Objects.requireNonNull(value, "value"), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
