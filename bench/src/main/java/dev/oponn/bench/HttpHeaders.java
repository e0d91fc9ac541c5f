package dev.oponn.bench;

import java.util.List;

/** Response headers in arrival order; names compare case-insensitively. */
record HttpHeaders(List<String[]> entries) {

    String first(String name) {
        for (String[] entry : entries) {
            if (entry[0].equalsIgnoreCase(name)) {
                return entry[1];
            }
        }
        return null;
    }

    List<String> all(String name) {
        return entries.stream()
                .filter(e -> e[0].equalsIgnoreCase(name))
                .map(e -> e[1])
                .toList();
    }
}
