package org.rebound.incident;

import java.util.Locale;
import java.util.Optional;

/** IPv6 addresses parsed by hand (never through DNS) and written in the RFC 5952 canonical form. */
final class Ipv6 {

    private Ipv6() {
    }

    /** The canonical form of {@code text}, or empty when it is not an IPv6 address (zone ids are not accepted). */
    static Optional<String> parse(String text) {
        if (text.length() < 2 || text.length() > 45 || !text.contains(":")) {
            return Optional.empty();
        }
        int[] groups = new int[8];
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        int[] front = groups(head, gap < 0);
        int[] back = groups(tail, true);
        if (front == null || back == null) {
            return Optional.empty();
        }
        int total = front.length + back.length;
        if (gap < 0 ? total != 8 : total > 7) {
            return Optional.empty();
        }
        System.arraycopy(front, 0, groups, 0, front.length);
        System.arraycopy(back, 0, groups, 8 - back.length, back.length);
        return Optional.of(format(groups));
    }

    /** The 16-bit groups of one side of "::"; a dotted IPv4 address may end the last side. Null when malformed. */
    private static int[] groups(String side, boolean mayEndWithIpv4) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        String last = parts[parts.length - 1];
        boolean ipv4 = mayEndWithIpv4 && last.contains(".");
        int[] result = new int[parts.length + (ipv4 ? 1 : 0)];
        for (int i = 0; i < parts.length - (ipv4 ? 1 : 0); i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 4) {
                return null;
            }
            try {
                result[i] = Integer.parseInt(part, 16);
            } catch (NumberFormatException notHex) {
                return null;
            }
            if (part.startsWith("+") || part.startsWith("-")) {
                return null;
            }
        }
        if (ipv4) {
            if (!ObservableType.IPV4.accepts(last)) {
                return null;
            }
            String[] octets = last.split("\\.");
            result[result.length - 2] = Integer.parseInt(octets[0]) << 8 | Integer.parseInt(octets[1]);
            result[result.length - 1] = Integer.parseInt(octets[2]) << 8 | Integer.parseInt(octets[3]);
        }
        return result;
    }

    private static String format(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]).toLowerCase(Locale.ROOT));
        }
        return text.toString();
    }
}
