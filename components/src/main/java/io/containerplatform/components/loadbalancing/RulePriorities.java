package io.containerplatform.components.loadbalancing;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The listener rule priority of each route, derived from the routes alone so that a plan is the same every time and
 * adding or removing a service leaves the others' priorities alone. ALB evaluates rules from the lowest priority: the
 * most specific ones come first, in three bands (host and path, then path only, then host only); within a band the
 * priority comes from a hash of the route's name (the next free one on a collision, in name order). Overlapping
 * patterns of two services in one band are therefore matched in an order you do not choose: keep them disjoint.
 */
public final class RulePriorities {

    /** Rules per band: ALB allows priorities 1 to 50,000. */
    static final int BAND = 16_666;

    private RulePriorities() {
    }

    /** The priority of every route that has paths or hosts, by route name. */
    public static Map<String, Integer> of(List<Route> routes) {
        var taken = new HashSet<Integer>();
        var result = new LinkedHashMap<String, Integer>();
        routes.stream().filter(r -> !r.isDefault()).sorted(Comparator.comparing(Route::name)).forEach(route -> {
            int first = band(route) * BAND + 1;
            int priority = first + (int) (hash(route.name()) % BAND);
            while (!taken.add(priority)) {
                priority = priority + 1 < first + BAND ? priority + 1 : first;
            }
            result.put(route.name(), priority);
        });
        return result;
    }

    private static int band(Route route) {
        if (!route.hosts().isEmpty() && !route.paths().isEmpty()) {
            return 0;
        }
        return route.hosts().isEmpty() ? 1 : 2;
    }

    private static long hash(String name) {
        var crc = new CRC32();
        crc.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
