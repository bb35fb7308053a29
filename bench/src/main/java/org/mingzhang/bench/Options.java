package org.mingzhang.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A harness's command line: {@code --name value} pairs, nothing else. {@code --help}, a stray word or a name without
 * a value prints the usage and exits (0 for {@code --help}, 2 otherwise).
 */
public final class Options {

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    public static Options parse(String[] args, String usage) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || !args[i].startsWith("--") || i + 1 == args.length) {
                System.err.print(usage);
                System.exit(args[i].equals("--help") ? 0 : 2);
            }
            values.put(args[i].substring(2), args[++i]);
        }
        return new Options(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value given, or null. */
    public String get(String name) {
        return values.get(name);
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public int getInt(String name, int fallback) {
        return Integer.parseInt(get(name, Integer.toString(fallback)));
    }
}
