package dev.auditsdk.moduletest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * No package cycles inside any published module: its packages form layers whose arrows only point
 * down (for core: util, json, auth, http, paging, then the source builders; errors, the contract
 * and events below the machinery). A cycle is reported with one class-level edge per arrow.
 */
class PackageCycleTest {

    static List<String> modules() {
        return PublishedModules.NAMES;
    }

    @ParameterizedTest
    @MethodSource("modules")
    void theModuleHasNoPackageCycle(String module) {
        Map<String, byte[]> classes = PublishedModules.classBytes(module);
        assertThat(classes).as("classes of %s on the class path", module).isNotEmpty();
        Map<String, Map<String, String>> graph = packageGraph(classes);

        assertThat(cycles(graph)).as("package cycles in %s", module).isEmpty();
    }

    @Test
    void aCycleIsFoundAndExplained() {
        Map<String, Map<String, String>> graph = new TreeMap<>();
        graph.put("a", new TreeMap<>(Map.of("b", "a.X -> b.Y")));
        graph.put("b", new TreeMap<>(Map.of("c", "b.Y -> c.Z")));
        graph.put("c", new TreeMap<>(Map.of("a", "c.Z -> a.X")));
        graph.put("d", new TreeMap<>(Map.of("a", "d.W -> a.X")));

        assertThat(cycles(graph)).containsExactly("a -> b -> c -> a  (a.X -> b.Y; b.Y -> c.Z; c.Z -> a.X)");
    }

    /** @return package -> (package it uses -> one class-level example), within the module */
    static Map<String, Map<String, String>> packageGraph(Map<String, byte[]> classes) {
        Set<String> packages = new TreeSet<>();
        for (String c : classes.keySet()) {
            packages.add(packageOf(c));
        }
        Map<String, Map<String, String>> graph = new TreeMap<>();
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            String from = packageOf(c.getKey());
            for (String used : ClassReferences.of(c.getValue())) {
                String to = packageOf(used);
                if (!to.equals(from) && packages.contains(to)) {
                    graph.computeIfAbsent(from, k -> new TreeMap<>()).putIfAbsent(to, simple(c.getKey()) + " -> " + simple(used));
                }
            }
        }
        return graph;
    }

    /** @return each cycle (a strongly connected set of packages), as a path with its class-level evidence */
    static List<String> cycles(Map<String, Map<String, String>> graph) {
        List<String> out = new ArrayList<>();
        for (Set<String> component : stronglyConnected(graph)) {
            if (component.size() < 2) {
                continue;
            }
            List<String> path = cycleThrough(component.iterator().next(), component, graph);
            List<String> evidence = new ArrayList<>();
            for (int i = 0; i + 1 < path.size(); i++) {
                evidence.add(graph.get(path.get(i)).get(path.get(i + 1)));
            }
            out.add(String.join(" -> ", path) + "  (" + String.join("; ", evidence) + ")");
        }
        return out;
    }

    private static List<String> cycleThrough(String start, Set<String> component, Map<String, Map<String, String>> graph) {
        // breadth-first from start back to start, inside the component
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String p = queue.poll();
            for (String next : graph.getOrDefault(p, Map.of()).keySet()) {
                if (!component.contains(next)) {
                    continue;
                }
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String at = p; !at.equals(start); at = parent.get(at)) {
                        path.add(1, at);
                    }
                    path.add(start);
                    return path;
                }
                if (!parent.containsKey(next)) {
                    parent.put(next, p);
                    queue.add(next);
                }
            }
        }
        throw new IllegalStateException("no cycle through " + start);
    }

    /** Tarjan's algorithm. */
    private static List<Set<String>> stronglyConnected(Map<String, Map<String, String>> graph) {
        Set<String> nodes = new TreeSet<>(graph.keySet());
        graph.values().forEach(m -> nodes.addAll(m.keySet()));
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String n : nodes) {
            if (!index.containsKey(n)) {
                connect(n, graph, index, low, stack, onStack, out, counter);
            }
        }
        return out;
    }

    private static void connect(String v, Map<String, Map<String, String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Map.of()).keySet()) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            out.add(component);
        }
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
