package io.supportsla.console.security;

import java.util.regex.Pattern;

/** Where the console may send a browser after sign-in or an action: its own pages only, never another site. */
public final class LocalPaths {

    private static final Pattern LOCAL = Pattern.compile("/(cases/[A-Za-z0-9._-]{1,64})?");

    private LocalPaths() {
    }

    /** The path if it is the dashboard or a case page of this console, otherwise the dashboard. */
    public static String safe(String path) {
        return path != null && LOCAL.matcher(path).matches() ? path : "/";
    }
}
