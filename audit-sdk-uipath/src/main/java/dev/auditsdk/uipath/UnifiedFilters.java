package dev.auditsdk.uipath;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The unified API's server-side filters, as configured on the source. */
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

    @Override
    public String toString() {
        return "source=" + sources + ", target=" + targets + ", type=" + types + ", userIds=" + userIds
                + (searchTerm == null ? "" : ", searchTerm=" + searchTerm) + (status == null ? "" : ", status=" + status);
    }
}
