package org.rebound.incident;

import java.util.regex.Pattern;

/**
 * Indicators are shared "defanged" so that nobody clicks them by accident ({@code hxxps://evil[.]com},
 * {@code user[@]evil[.]com}); Rebound stores them live and defangs them again only for display.
 */
final class Defanging {

    private static final Pattern SCHEME = Pattern.compile("(?i)^(hxxp|hxxps|fxp|meow)(?=\\[?:)");
    private static final Pattern DOT = Pattern.compile("(?i)\\[\\.]|\\(\\.\\)|\\{\\.}|\\[dot]|\\(dot\\)");
    private static final Pattern AT = Pattern.compile("(?i)\\[@]|\\(@\\)|\\[at]|\\(at\\)");

    private Defanging() {
    }

    /** Most values are live; the patterns only run for those with brackets or a defanged scheme. */
    private static boolean looksDefanged(String value) {
        return value.indexOf('[') >= 0 || value.indexOf('(') >= 0 || value.indexOf('{') >= 0 || SCHEME.matcher(value).find();
    }

    static String refang(String value) {
        if (!looksDefanged(value)) {
            return value;
        }
        String scheme = SCHEME.matcher(value).replaceFirst(match -> switch (match.group(1).toLowerCase(java.util.Locale.ROOT)) {
            case "hxxps" -> "https";
            case "fxp" -> "ftp";
            default -> "http";
        });
        String dots = DOT.matcher(scheme).replaceAll(".");
        return AT.matcher(dots).replaceAll("@").replace("[:]", ":").replace("[://]", "://").replace("[/]", "/");
    }
}
