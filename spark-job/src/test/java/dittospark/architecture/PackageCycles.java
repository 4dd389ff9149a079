package dittospark.architecture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cycles of a package dependency graph: one per group of packages that reach each other (a
 * strongly connected component), named by a shortest path from the group's first package back to it.
 */
final class PackageCycles {
    private PackageCycles() {
    }

    /**
     * @param uses each package and the packages it uses; a package using itself is no cycle
     * @return each cycle as its packages in order, the first repeated at the end ({@code [a, b, a]})
     */
    static List<List<String>> of(Map<String, Set<String>> uses) {
        Map<String, Set<String>> graph = withoutSelfEdges(uses);
        List<List<String>> cycles = new ArrayList<>();
        for (Set<String> component : new Components(graph).all()) {
            if (component.size() > 1) {
                cycles.add(shortestCycle(graph, component));
            }
        }
        return cycles;
    }

    private static Map<String, Set<String>> withoutSelfEdges(Map<String, Set<String>> uses) {
        Map<String, Set<String>> graph = new TreeMap<>();
        uses.forEach((from, tos) -> {
            graph.computeIfAbsent(from, k -> new TreeSet<>());
            for (String to : tos) {
                graph.computeIfAbsent(to, k -> new TreeSet<>());
                if (!to.equals(from)) {
                    graph.get(from).add(to);
                }
            }
        });
        return graph;
    }

    /** Breadth-first inside the component from its first package until the search comes back to it. */
    private static List<String> shortestCycle(Map<String, Set<String>> graph, Set<String> component) {
        String start = component.iterator().next();
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String at = queue.removeFirst();
            for (String next : graph.get(at)) {
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String p = at; !p.equals(start); p = cameFrom.get(p)) {
                        path.add(1, p);
                    }
                    path.add(start);
                    return path;
                }
                if (component.contains(next) && !cameFrom.containsKey(next)) {
                    cameFrom.put(next, at);
                    queue.addLast(next);
                }
            }
        }
        throw new IllegalStateException("no cycle through " + start + " in " + component);
    }

    /** Tarjan's strongly connected components, each sorted by name. */
    private static final class Components {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<Set<String>> found = new ArrayList<>();

        Components(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        List<Set<String>> all() {
            for (String node : graph.keySet()) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
            return found;
        }

        private void visit(String node) {
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.push(node);
            onStack.add(node);
            for (String next : graph.get(node)) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(node, Math.min(low.get(node), low.get(next)));
                } else if (onStack.contains(next)) {
                    low.put(node, Math.min(low.get(node), index.get(next)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                Set<String> component = new TreeSet<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.add(member);
                } while (!member.equals(node));
                found.add(component);
            }
        }
    }
}
