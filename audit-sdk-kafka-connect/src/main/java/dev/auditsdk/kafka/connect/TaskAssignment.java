package dev.auditsdk.kafka.connect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spreads streams over at most {@code maxTasks} tasks. Streams that share a vendor rate limit
 * (one Boomi account, one UiPath organization) stay in one task, so that one client paces them
 * together; the groups are then balanced by their number of streams, largest first.
 */
final class TaskAssignment {

    private TaskAssignment() {
    }

    /**
     * @param streams the streams, in configuration order
     * @param maxTasks the most tasks Connect allows
     * @return the stream names of each task; no task is empty, and there are no more tasks than groups
     */
    static List<List<String>> assign(List<StreamConfig> streams, int maxTasks) {
        if (maxTasks < 1) {
            throw new IllegalArgumentException("maxTasks must be at least 1, was " + maxTasks);
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (StreamConfig s : streams) {
            groups.computeIfAbsent(s.rateDomain(), k -> new ArrayList<>()).add(s.id());
        }
        List<List<String>> ordered = new ArrayList<>(groups.values());
        // stable: equal sizes keep configuration order
        ordered.sort(Comparator.comparingInt((List<String> g) -> g.size()).reversed());
        int tasks = Math.min(maxTasks, ordered.size());
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            out.add(new ArrayList<>());
        }
        for (List<String> group : ordered) {
            out.stream().min(Comparator.comparingInt(List::size)).orElseThrow().addAll(group);
        }
        return out;
    }
}
