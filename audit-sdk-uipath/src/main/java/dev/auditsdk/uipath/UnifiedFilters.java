package dev.auditsdk.uipath;

import dev.auditsdk.core.spi.http.Endpoints;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The unified API's server-side filters, as configured on the source, and how they go on a
 * request: list filters in the documented {@code name[]=} form, one parameter per value.
 */
final class UnifiedFilters {
    private final List<String> sources;
    private final List<String> targets;
    private final List<String> types;
    private final List<String> userIds;
    private final String searchTerm;
    private final Integer status;

    UnifiedFilters(List<String> sources, List<String> targets, List<String> types, List<String> userIds,
            String searchTerm, Integer status) {
        this.sources = List.copyOf(sources);
        this.targets = List.copyOf(targets);
        this.types = List.copyOf(types);
        this.userIds = List.copyOf(userIds);
        this.searchTerm = searchTerm;
        this.status = status;
    }

    List<String> sources() {
        return sources;
    }

    List<String> targets() {
        return targets;
    }

    List<String> types() {
        return types;
    }

    List<String> userIds() {
        return userIds;
    }

    Optional<String> searchTerm() {
        return Optional.ofNullable(searchTerm);
    }

    OptionalInt status() {
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** @param param receives each filter parameter (name as sent, value), in a fixed order */
    void forEach(BiConsumer<String, String> param) {
        sources.forEach(v -> param.accept("source[]", v));
        targets.forEach(v -> param.accept("target[]", v));
        types.forEach(v -> param.accept("type[]", v));
        userIds.forEach(v -> param.accept("userIds[]", v));
        searchTerm().ifPresent(v -> param.accept("searchTerm", v));
        if (status != null) {
            param.accept("status", String.valueOf(status));
        }
    }

    /**
     * A continuation link with every filter it lacks added again (a filter is present when the
     * link has its name in any form: {@code name}, {@code name[]} or {@code name[i]}).
     *
     * @param link a link the server sent
     * @return the link, or a copy with the missing filters appended
     */
    URI addMissingTo(URI link) {
        String text = link.toString();
        int q = text.indexOf('?');
        Set<String> present = new HashSet<>();
        if (q >= 0) {
            for (String pair : text.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                int bracket = name.indexOf('[');
                present.add(bracket > 0 ? name.substring(0, bracket) : name);
            }
        }
        StringBuilder out = new StringBuilder(text);
        char[] sep = {q >= 0 ? '&' : '?'};
        forEach((name, value) -> {
            int bracket = name.indexOf('[');
            if (!present.contains(bracket > 0 ? name.substring(0, bracket) : name)) {
                out.append(sep[0]).append(Endpoints.encode(name)).append('=').append(Endpoints.encode(value));
                sep[0] = '&';
            }
        });
        return out.length() == text.length() ? link : URI.create(out.toString());
    }

    @Override
    public String toString() {
        return "source=" + sources + ", target=" + targets + ", type=" + types + ", userIds=" + userIds
                + (searchTerm == null ? "" : ", searchTerm=" + searchTerm) + (status == null ? "" : ", status=" + status);
    }
}
