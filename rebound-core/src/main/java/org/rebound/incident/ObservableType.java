package org.rebound.incident;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.rebound.model.Coded;

/**
 * The kinds of observable responders record and share. Each kind knows how to recognise a value of
 * its own and how to write it canonically, so that the same indicator pasted twice (in capitals,
 * defanged, with an uncompressed IPv6 address) is stored once.
 */
public enum ObservableType implements Coded {

    URL,
    EMAIL,
    IPV4,
    IPV6,
    MD5,
    SHA1,
    SHA256,
    REGISTRY_KEY,
    CRYPTOCURRENCY_WALLET,
    PHONE_NUMBER,
    USER_AGENT,
    ACCOUNT,
    FILE_NAME,
    DOMAIN;

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern URL_SHAPE = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://[^\\s/?#]+\\S*");
    private static final Pattern EMAIL_SHAPE = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@([A-Za-z0-9.-]+)");
    private static final Pattern IPV4_SHAPE = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern DOMAIN_LABEL = Pattern.compile("(?i)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("(?i)[a-z]{2,63}|xn--[a-z0-9-]{1,59}");
    private static final Pattern REGISTRY = Pattern.compile("(?i)(HKLM|HKCU|HKCR|HKU|HKCC|HKEY_LOCAL_MACHINE|HKEY_CURRENT_USER"
            + "|HKEY_CLASSES_ROOT|HKEY_USERS|HKEY_CURRENT_CONFIG)\\\\.+");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9 ().-]{6,22}");
    private static final Pattern USER_AGENT_SHAPE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*/\\d+(\\.\\d+)*( .+)?");
    private static final Pattern ACCOUNT_SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}\\\\[^\\\\\\s\"/\\[\\]:;|=,+*?<>]{1,104}");
    private static final Pattern FILE_NAME_SHAPE = Pattern.compile("[^\\\\/:*?\"<>|\\s][^\\\\/:*?\"<>|]*\\.[A-Za-z0-9]{1,8}");
    private static final Set<String> FILE_EXTENSIONS = Set.of("exe", "dll", "sys", "scr", "bat", "cmd", "ps1", "psm1",
            "vbs", "vbe", "js", "jse", "wsf", "hta", "lnk", "msi", "msp", "jar", "py", "sh", "elf", "bin", "iso", "img", "vhd",
            "vhdx", "zip", "7z", "rar", "gz", "tar", "doc", "docm", "docx", "xls", "xlsm", "xlsx", "ppt", "pptm", "pdf", "rtf",
            "one", "txt", "log", "dat", "tmp", "enc", "locked", "key");

    @Override
    public String id() {
        return Coded.idOf(this);
    }

    /**
     * The type a value written without a type most likely is, or empty when it cannot be told apart:
     * an account name without a domain, or free text. Tries the most specific shapes first, so that a
     * URL is not taken for a domain nor a hash for a number.
     */
    public static Optional<ObservableType> detect(String raw) {
        String value = Defanging.refang(raw.strip());
        for (ObservableType type : values()) {
            if (type.accepts(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code value} (already refanged and stripped) is a well-formed value of this type. */
    public boolean accepts(String value) {
        return switch (this) {
            case URL -> URL_SHAPE.matcher(value).matches() && !value.contains(" ");
            case EMAIL -> {
                var matcher = EMAIL_SHAPE.matcher(value);
                yield matcher.matches() && value.length() <= 254 && isDomain(matcher.group(1));
            }
            case IPV4 -> IPV4_SHAPE.matcher(value).matches();
            case IPV6 -> Ipv6.parse(value).isPresent();
            case MD5 -> isHex(value, 32);
            case SHA1 -> isHex(value, 40);
            case SHA256 -> isHex(value, 64);
            case REGISTRY_KEY -> REGISTRY.matcher(value).matches();
            case CRYPTOCURRENCY_WALLET -> Wallets.isWallet(value);
            case PHONE_NUMBER -> PHONE.matcher(value).matches() && digits(value).length() >= 8 && digits(value).length() <= 15;
            case USER_AGENT -> USER_AGENT_SHAPE.matcher(value).matches() && value.length() <= 1_000;
            case ACCOUNT -> ACCOUNT_SHAPE.matcher(value).matches() && !REGISTRY.matcher(value).matches();
            case FILE_NAME -> FILE_NAME_SHAPE.matcher(value).matches() && value.length() <= 255
                    && FILE_EXTENSIONS.contains(value.substring(value.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
            case DOMAIN -> isDomain(value);
        };
    }

    /**
     * Whether a value given with this type explicitly is acceptable: the same as {@link #accepts}, except
     * that account names and file names need no particular shape when the responder says what they are.
     */
    public boolean acceptsDeclared(String value) {
        return switch (this) {
            case ACCOUNT -> !value.isBlank() && value.length() <= 256 && value.chars().noneMatch(Character::isISOControl);
            case FILE_NAME -> !value.isBlank() && value.length() <= 255 && value.chars().noneMatch(c -> c == '/' || c == '\\' || c == 0);
            case USER_AGENT -> !value.isBlank() && value.length() <= 1_000;
            default -> accepts(value);
        };
    }

    /** The canonical spelling of a value this type accepts: what is stored and compared. */
    public String canonical(String value) {
        return switch (this) {
            case URL -> canonicalUrl(value);
            case EMAIL -> value.toLowerCase(Locale.ROOT);
            case IPV6 -> Ipv6.parse(value).orElseThrow(() -> new IllegalArgumentException("not an IPv6 address: " + value));
            case MD5, SHA1, SHA256, DOMAIN -> value.toLowerCase(Locale.ROOT);
            case PHONE_NUMBER -> "+" + digits(value);
            case REGISTRY_KEY -> fullHive(value);
            case ACCOUNT -> value.indexOf('\\') > 0 ? value.substring(0, value.indexOf('\\')).toUpperCase(Locale.ROOT)
                    + value.substring(value.indexOf('\\')) : value;
            default -> value;
        };
    }

    /** Registry keys start with the hive's full name, as STIX requires: {@code HKLM\...} is {@code HKEY_LOCAL_MACHINE\...}. */
    private static String fullHive(String value) {
        int slash = value.indexOf('\\');
        String hive = value.substring(0, slash).toUpperCase(Locale.ROOT);
        String full = switch (hive) {
            case "HKLM" -> "HKEY_LOCAL_MACHINE";
            case "HKCU" -> "HKEY_CURRENT_USER";
            case "HKCR" -> "HKEY_CLASSES_ROOT";
            case "HKU" -> "HKEY_USERS";
            case "HKCC" -> "HKEY_CURRENT_CONFIG";
            default -> hive;
        };
        return full + value.substring(slash);
    }

    private static String canonicalUrl(String value) {
        int schemeEnd = value.indexOf("://");
        int hostEnd = value.length();
        for (int i = schemeEnd + 3; i < value.length(); i++) {
            if ("/?#".indexOf(value.charAt(i)) >= 0) {
                hostEnd = i;
                break;
            }
        }
        return value.substring(0, hostEnd).toLowerCase(Locale.ROOT) + value.substring(hostEnd);
    }

    private static boolean isHex(String value, int length) {
        return value.length() == length && HEX.matcher(value).matches();
    }

    private static String digits(String value) {
        return value.replaceAll("[^0-9]", "");
    }

    static boolean isDomain(String value) {
        if (value.isEmpty() || value.length() > 253) {
            return false;
        }
        String[] labels = value.endsWith(".") ? value.substring(0, value.length() - 1).split("\\.", -1) : value.split("\\.", -1);
        if (labels.length < 2 || !TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
            return false;
        }
        for (String label : labels) {
            if (!DOMAIN_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
