package org.rebound.breach;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in free text: log lines, comments, e-mail bodies, document text.
 *
 * <p>Identifiers with a checksum or a strict format are found by pattern and validated; names and
 * addresses by context (titles, "my name is", street words) and the name gazetteer. Overlapping
 * findings are resolved in favour of the more specific one, so a card number is not also a phone
 * number. Thread-safe.
 */
public final class TextDetector {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}(?![\\w-])");
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![\\w.-])\\d(?:[ -]?\\d){11,18}(?![\\w-])");
    private static final Pattern IBAN = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{2}\\d{2}(?: ?[A-Za-z0-9]){11,30}(?![A-Za-z0-9])");
    private static final Pattern SSN = Pattern.compile("(?<![\\d-])\\d{3}([- ])\\d{2}\\1\\d{4}(?![\\d-])");
    private static final Pattern BARE_SSN = Pattern.compile("(?<!\\d)\\d{9}(?!\\d)");
    private static final Pattern NINO = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-Da-d](?![A-Za-z0-9])");
    private static final Pattern VIN = Pattern.compile("(?<![A-Za-z0-9])[A-HJ-NPR-Z0-9]{17}(?![A-Za-z0-9])");
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])\\d{1,3}(?:\\.\\d{1,3}){3}(?![\\d.])");
    private static final Pattern IPV6 = Pattern.compile("(?<![0-9A-Fa-f:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![0-9A-Fa-f:])");
    private static final Pattern DATE = Pattern.compile(
            "\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}"
                    + "|\\d{1,2}(?:st|nd|rd|th)?[ -][A-Z][a-z]{2,8}\\.?,?[ -]\\d{4}|[A-Z][a-z]{2,8}\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}");
    private static final Pattern BIRTH_CONTEXT = Pattern.compile(
            "(?i)(?:born|birth|d\\.?o\\.?b\\.?|birthday|geboren|né|née)\\W{0,3}(?:\\w+\\W+){0,3}$");
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?i)\\b(?:password|passwd|pwd|pass|passcode|pin|secret)\\s*[:=]\\s*(\\S{3,})");
    private static final Pattern HASH_TOKEN = Pattern.compile("\\$(?:2[abxy]?|argon2(?:id|i|d)|1|5|6|y)\\$\\S+");
    private static final Pattern UK_POSTCODE = Pattern.compile(
            "(?<![A-Za-z0-9])(?:[A-PR-UWYZ](?:\\d[A-HJKPSTUW\\d]?|[A-HK-Y]\\d[ABEHMNPRVWXY\\d]?) \\d[ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])");
    private static final Pattern PASSPORT = Pattern.compile("(?i)passport(?:\\s+(?:no|number|#))?\\.?\\s*[:#]?\\s*([A-Z0-9]{6,9})\\b");
    private static final Pattern PLATE = Pattern.compile(
            "(?i)(?:registration|reg\\.?|plate|number plate|licen[cs]e plate)(?:\\s+(?:no|number))?\\.?\\s*[:#]?\\s*([A-Z]{2}\\d{2} ?[A-Z]{3})\\b");
    private static final Pattern CUED_DRIVING_LICENCE = Pattern.compile(
            "(?i)\\b(?:driver'?s?|driving) licen[cs]e(?: number| no\\.?| #)?(?: is)?\\W{0,3}([A-Z0-9][A-Z0-9-]{4,18}[0-9])\\b");
    private static final Pattern CUED_POSTCODE = Pattern.compile(
            "(?i)\\b(?:zip|postcode|post code|postal code)(?: code)?(?: is)?\\W{0,3}(\\d{3,5}(?:[ -]\\d{2,4})?|[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2})\\b");
    private static final Pattern DRIVING_LICENCE = Pattern.compile(
            "(?<![A-Za-z0-9])[A-Z9]{5}\\d[0156]\\d(?:0[1-9]|[12]\\d|3[01])\\d[A-Z9]{2}\\d[A-Z]{2}(?![A-Za-z0-9])");
    private static final java.util.Set<String> HEALTH_WORDS = java.util.Set.of(
            "diagnosis", "diagnosed", "diagnose", "diagnoses", "hiv", "aids", "diabetes", "diabetic", "cancer", "tumour", "tumor",
            "chemotherapy", "pregnant", "pregnancy", "prescribed", "prescription", "medication", "allergy", "allergic",
            "allergie", "asthma", "epilepsy", "epileptic", "depression", "schizophrenia", "schizophrenic", "bipolar",
            "disability", "disabilities", "hepatitis", "dementia", "alzheimer's", "alzheimers", "insulin", "dialysis",
            "allergies", "medications", "prescriptions", "tumours", "tumors");
    private static final List<String> HEALTH_PHRASES = List.of("blood type", "blood group", "mental health", "medical condition");
    private static final Pattern TITLED_NAME = Pattern.compile(
            "\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Herr|Frau|Mme|Mlle|Sr|Sra)\\.? ((?:\\p{Lu}[\\p{L}'-]+|\\p{Lu}\\.)"
                    + "(?: (?!(?:Apt|Apartment|Suite|Ste|Unit|Flat)\\b)(?:\\p{Lu}[\\p{L}'-]+|\\p{Lu}\\.?)){0,3})");
    private static final Pattern NAME_AFTER_CUE = Pattern.compile(
            ":?,?\\s+(\\p{Lu}[\\p{L}'-]+(?: (?:\\p{Lu}[\\p{L}'-]+|\\p{Lu}\\.?)){0,3})");
    private static final List<String> GREETINGS = List.of("hi", "hello", "dear");
    private static final List<String> TITLE_WORDS = List.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "herr", "frau",
            "mme", "mlle", "sr");
    private static final List<String> NAME_CUES = List.of("name is", "name", "i am", "i'm", "called", "dear", "hi", "hello", "signed",
            "regards", "sincerely", "thanks", "contact", "customer", "patient", "employee", "driver", "owner");
    /** Cues after which even one word the gazetteer does not know is a name ("My name is Rubija"). */
    private static final List<String> SURE_NAME_CUES = List.of("my name is", "last name is", "surname is", "first name is",
            "family name is", "maiden name is", "last name?", "surname?", "name:");
    private static final List<String> WEAK_NAME_CUES = List.of("by", "with", "says", "said", "starring", "named", "author",
            "wife", "husband", "son", "daughter", "partner", "friend", "user", "founders", "from", "to", "and");
    private static final java.util.Set<String> PLACE_WORDS = java.util.Set.of("street", "st", "road", "rd", "avenue", "ave",
            "lane", "drive", "court", "way", "place", "close", "square", "gateway", "pass", "fort", "park", "hill", "bridge",
            "orchestra", "band", "club", "university", "college", "school", "hospital", "company", "inc", "ltd", "llc", "group");
    /** Words that end the names of firms, never of people: "Nera Economic Consulting", "Asc Partners". */
    private static final java.util.Set<String> ORGANISATION_WORDS = java.util.Set.of("corporation", "corp", "consulting", "partners",
            "solutions", "technologies", "technology", "services", "associates", "sons", "bank", "holdings", "systems", "software",
            "labs", "international", "industries", "enterprises", "capital", "insurance", "logistics", "motors", "foundation",
            "institute", "agency", "networks", "media", "ventures", "plc", "gmbh", "incorporated", "limited");
    private static final java.util.Set<String> STOP_WORDS = java.util.Set.of("the", "a", "an", "in", "on", "at", "of", "for",
            "my", "our", "your", "this", "that", "new", "north", "south", "east", "west", "saint", "st", "mount", "lake",
            "port", "fort", "san", "santa", "los", "las", "el", "la", "le", "de", "van", "von", "des", "du");
    private static final Pattern CAPITALISED_RUN = Pattern.compile(
            "\\p{Lu}[\\p{L}'-]+(?: (?:\\p{Lu}[\\p{L}'-]+|\\p{Lu}\\.?))*");
    private static final String HOUSE = "\\b\\d{1,5}[A-Za-z]?(?: \\d{1,5})?";
    private static final Pattern STREET = Pattern.compile(
            HOUSE + ",? (?:[\\p{L}'.-]+ ){0,4}?(?i:street|str\\.|st\\.?|road|rd\\.?|avenue|ave\\.?|lane|ln\\.?|drive|dr\\.?|court|ct\\.?"
                    + "|boulevard|blvd\\.?|way|place|pl\\.?|close|crescent|terrace|square|sq\\.?|highway|hwy\\.?|parkway|pkwy\\.?"
                    + "|circle|trail|row|mews|gardens|grove|hill|park|walk)\\b(?:,? (?:apt\\.?|suite|unit|flat) ?\\w+)?"
                    + "|(?i:p\\.?o\\.? box) \\d+"
                    + "|\\b[\\p{Lu}][\\p{L}'-]*(?:stra(?:ß|ss)e|str\\.|weg|gasse|platz|allee|utca|gatan|vej|straat|laan|katu|tie) \\d{1,5}[a-z]?\\b"
                    // street name, then its kind, then the number ("Király u. 15.", "Villacher Strasse 89", "Csabai kapu 39.")
                    + "|\\b\\p{Lu}[\\p{L}'-]+ (?i:u\\.|utca|út|útja|tér|kapu|str\\.?|strasse|straße|gade|vej|katu|tie|gatan|väg|veien|vegen|ulica|ul\\.) \\d{1,4}\\b\\.?"
                    + "|\\b(?:Rue|Avenue|Boulevard|Via|Viale|Calle|Avenida|Rua|Carrer|Piazza|Plaza|Ulica|ul\\.) (?:[\\p{L}'.-]+ ){0,4}?\\d{1,5}[a-z]?\\b"
                    // number first, then a Romance street word and its name ("846 31 Rue Al Imam Al Bakri")
                    + "|" + HOUSE + " (?:Rue|rue|Avenida|Via|Calle|Rua|Rúa|Carrer) (?:\\p{Lu}[\\p{L}'.-]*|de|des|du|la|le|del|da|do|dos|di)"
                    + "(?: (?:\\p{Lu}[\\p{L}'.-]*|de|des|du|la|le|del|da|do|dos|di)){0,4}"
                    // continental order: house number, street name, number ("6750 Koskikatu 25", "233 Erzsébet tér 19.")
                    + "|" + HOUSE + " (?!(?:Of|The|And|For|In|To|You)\\b)\\p{Lu}[\\p{L}'.-]+(?: (?!(?:Of|The|And|For|In|To|You)\\b)[\\p{L}'.-]+){0,3} \\d{1,5}[a-z]?\\b\\.?"
                    // forces' and diplomatic addresses
                    + "|\\b(?i:PSC|Unit|USNS|USNV|USS|USCGC)(?: \\p{Lu}[\\p{L}]+)? \\d+,? (?i:Box) \\d+(?:,?\\s(?i:APO|FPO|DPO) (?i:A[AEP]) \\d{5})?"
                    + "|\\b(?i:USNS|USNV|USS|USCGC) [\\p{L}'-]+\\s(?i:APO|FPO|DPO) (?i:A[AEP]) \\d{5}"
                    // a flat or suite on a line of its own, as in addresses written one part per line
                    + "|\\b(?:Apt|Apartment|Suite|Ste|Unit|Flat)\\.? \\d{1,5}[A-Za-z]?\\b"
                    // street corners
                    + "|(?i:the corner of) [^.?!\\n]{3,60}? and (?:\\p{Lu}[\\p{L}'.-]*)(?: \\p{Lu}[\\p{L}'.-]*){0,2}");
    /** What follows a street line in an address: flat, town, region, postcode, country; up to a sentence's end. */
    private static final Pattern ADDRESS_TAIL = Pattern.compile(
            "(?:[\\s,]{1,6}(?:(?i:apt|suite|unit|flat|floor|box)\\.? ?[\\w-]+"
                    // postcodes with letters: British ("B91 3QJ"), Canadian ("K1A 0B1"), Dutch ("1012 AB")
                    + "|[A-PR-UWYZ](?:\\d[A-HJKPSTUW\\d]?|[A-HK-Y]\\d[ABEHMNPRVWXY\\d]?) \\d[ABD-HJLNP-UW-Z]{2}\\b"
                    + "|[A-Z]\\d[A-Z] ?\\d[A-Z]\\d\\b|\\d{4} ?[A-Z]{2}\\b"
                    + "|\\p{Lu}[\\p{L}'.-]*+(?!\\d)(?: \\(\\p{L}+\\))?"
                    + "|(?:de|del|da|do|dos|di|du|la|le|van|von|sur|am|an|im|y)(?= \\p{Lu})"
                    + "|\\d{3,6}(?:[ -]\\d{2,4})?|(?:APO|FPO|DPO) A[AEP] \\d{5})){1,12}");
    private static final Pattern CARD_CONTEXT = Pattern.compile("(?i)\\b(?:card|cc|visa|mastercard|amex|maestro)\\b[^\\d]{0,20}$");
    private static final List<String> CARD_WORDS = List.of("card", "cc", "visa", "amex", "maestro");
    private static final List<String> PHONE_CUES = List.of("phone", "telephone", "tel", "mobile", "cell", "fax", "call", "ring",
            "text", "sms", "whatsapp", "answering at", "reach me at", "reach at", "messages to", "contact", "registered");
    private static final List<String> LABEL_CUES = List.of("office", "desk", "home", "work");
    private static final Pattern PHONE_AFTER_CUE = Pattern.compile(
            "\\W{0,3}(?:(?:me|on|at|number|no|is)\\W{1,3}){0,3}(\\+?\\(?\\d[\\d ()./-]{4,18}\\d(?:x\\d{1,5})?)(?![\\w-]*\\d)");
    private static final List<String> STREET_HINTS = List.of("psc ", "apo ", "fpo ", "dpo ", "apt", "suite", "corner", " u.", "kapu", "tér", "street", " st", "road", " rd", "avenue", " ave", "lane", " ln",
            "drive", " dr", "court", " ct", "boulevard", "blvd", " way", "place", " pl", "close", "crescent", "terrace", "square",
            " sq", "highway", "hwy", "parkway", "pkwy", "circle", "trail", " row", "mews", "gardens", "grove", "hill", "park",
            "walk", "box", "stra", "str.", "weg", "gasse", "platz", "allee", "utca", "gatan", "vej", "straat", "laan", "katu", "tie ",
            "rue ", "via", "calle", "avenida", "rua ", "carrer", "piazza", "plaza", "ulica", "ul.");
    private static final Pattern PHONE_BEFORE_CUE = Pattern.compile(
            "(\\+?\\(?\\d[\\d ()./-]{4,18}\\d(?:x\\d{1,5})?)(?:-| )(?i:office|fax|mobile|desk|home|work|cell)\\b");
    private static final Pattern PHONE_CANDIDATE = Pattern.compile(
            "(?<![\\w.+/-])(?:\\+|00)?\\(?\\d[\\d ()./-]{5,20}\\d(?: ?(?:x|ext\\.?) ?\\d{1,5})?(?![\\w/])");
    private static final Pattern LOOKS_LIKE_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4}");
    private static final String[] PHONE_REGIONS = {"US", "GB", "DE", "FR", "IN", "AU"};

    /** The keyword lists the detectors' gates need, looked for in one pass: bits of {@link Keywords#listsIn}. */
    private static final Keywords HINTS = new Keywords(List.of(
            java.util.stream.Stream.concat(HEALTH_WORDS.stream(), HEALTH_PHRASES.stream()).toList(),
            TITLE_WORDS, STREET_HINTS, CARD_WORDS));
    private static final int HEALTH_HINT = 1;
    private static final int TITLE_HINT = 2;
    private static final int STREET_HINT = 4;
    private static final int CARD_HINT = 8;

    private final Gazetteer gazetteer = Gazetteer.instance();
    private final @org.jspecify.annotations.Nullable NameModel nameModel;

    /** A detector with the name model shipped in the resources. */
    public TextDetector() {
        this(BundledNameModel.MODEL);
    }

    /** A detector with the given name model, or rules alone for names when it is null. */
    TextDetector(@org.jspecify.annotations.Nullable NameModel nameModel) {
        this.nameModel = nameModel;
    }

    /** Loaded once, on first use. */
    private static final class BundledNameModel {
        static final NameModel MODEL = NameModel.bundled(Gazetteer.instance());
    }

    /** All findings in {@code text}, ordered by position, without overlaps. */
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        // One pass over the text decides which detectors can match at all: most lines need few of them.
        Shape shape = Shape.of(text);
        String lower = lowerSameLength(text);
        int hints = HINTS.listsIn(lower);
        if (shape.at) {
            emails(text, found);
        }
        if (shape.digits >= 12) {
            cardsAndDigits(text, found, shape, hints);
        }
        if (shape.lettersThenDigits && (shape.digits >= 6 && shape.upper >= 2 || shape.digits >= 13)) {
            ibans(text, found);
        }
        if (shape.digits >= 6) {
            nationalIds(text, found, shape, lower);
        }
        if (shape.longestCodeRun >= 17) {
            vins(text, found);
        }
        if (shape.dots >= 3 || shape.colons >= 2) {
            ipAddresses(text, found);
        }
        if (shape.digits >= 6) {
            phones(text, lower, found, shape);
        }
        if (shape.digits >= 4 && (lower.contains("born") || lower.contains("birth") || lower.contains("dob")
                || lower.contains("d.o.b") || lower.contains("geboren") || lower.contains("né"))) {
            datesOfBirth(text, found);
        }
        if (shape.dollars >= 2 || lower.contains("pass") || lower.contains("pwd") || lower.contains("pin")
                || lower.contains("secret")) {
            credentials(text, found);
        }
        if (shape.digits >= 1 && lower.contains("passport")) {
            grouped(PASSPORT, Category.PASSPORT, 0.8, text, found);
        }
        if (shape.digits >= 2 && (lower.contains("reg") || lower.contains("plate"))) {
            grouped(PLATE, Category.VEHICLE_REGISTRATION, 0.8, text, found);
        }
        if (shape.digits >= 5) {
            if (shape.longestCodeRun >= 16) {
                whole(DRIVING_LICENCE, Category.DRIVING_LICENCE, 0.9, text, found);
            }
            if (lower.contains("licen")) {
                grouped(CUED_DRIVING_LICENCE, Category.DRIVING_LICENCE, 0.85, text, found);
            }
        }
        if (shape.digits >= 1 && (lower.contains("zip") || lower.contains("post"))) {
            grouped(CUED_POSTCODE, Category.POSTCODE, 0.85, text, found);
        }
        health(lower, text, found, hints);
        if (shape.digits >= 1 || lower.contains("box")) {
            addresses(text, found, shape, hints);
        }
        if (shape.upper >= 1) {
            names(text, lower, found, hints);
        } else if (shape.letters >= 5) {
            lowerCaseNames(text, found);
        }
        List<Finding> all = withoutOrdinaryWords(text, found, true);
        if (nameModel != null) {
            all.addAll(withoutOrdinaryWords(text, nameModel.find(text), false));
        }
        return withPairedNames(text, withListedNames(text, withRepeatedNames(text, withoutOverlaps(text, withoutFirmsOfNames(text, all)))));
    }

    private static final Pattern CAPITALISED_WORD = Pattern.compile("\\p{Lu}[\\p{L}'-]+");
    private static final Pattern NAME_PAIR = Pattern.compile("(?<![\\p{L},] )\\b(\\p{Lu}[\\p{L}'-]+) (?:and|&) (\\p{Lu}[\\p{L}'-]+)\\b(?! ?\\d)");
    private static final Pattern NAME_LIST = Pattern.compile(
            "\\p{Lu}[\\p{L}'-]+(?:, \\p{Lu}[\\p{L}'-]+)+,? (?:and|&) \\p{Lu}[\\p{L}'-]+");

    /** The confidence of a name found after a title or a cue. */
    private static final double CUED_NAME = 0.85;

    /**
     * Names without the ordinary English words at either end that are nobody's name ("Technician Joanna
     * Kowalczyk"; but "Brad L Key" after an initial), without a title before them ("Miss Okafor") or a
     * possessive after them, and cut where an ordinary lower-case word stands inside them; a name of
     * such words alone is none, and one that ends with or stands before a street's or a firm's word or a
     * house number names a street or a firm ("Herceg Gateway St.", "the Davis Orchestra", "Peter
     * Zuidhove 188"). With {@code byRules}, names the rules found after a title or a cue stay as found.
     */
    private List<Finding> withoutOrdinaryWords(String text, List<Finding> findings, boolean byRules) {
        List<Finding> kept = new ArrayList<>(findings.size());
        for (Finding finding : splitAtLowerCaseWords(text, findings)) {
            if (finding.category() != Category.NAME || byRules && finding.confidence() >= CUED_NAME) {
                // after a title or a cue ("Mr. Spears", "her maiden name is Key") a word is a name whatever else it is
                kept.add(finding);
                continue;
            }
            String value = finding.value();
            int start = 0;
            int end = value.length();
            while (start < end) {
                int space = value.indexOf(' ', start);
                int wordEnd = space < 0 || space > end ? end : space;
                String word = value.substring(start, wordEnd);
                if (!isOrdinaryWord(word) && !isTitle(word)) {
                    break;
                }
                start = Math.min(end, wordEnd + 1);
            }
            boolean place = isPlaceOrFirmWord(wordAfter(text, finding.end())) || isPlaceOrFirmWord(value.substring(value.lastIndexOf(' ') + 1))
                    || HOUSE_NUMBER_AFTER.matcher(text).region(finding.end(), text.length()).lookingAt();
            while (end > start) {
                int space = value.lastIndexOf(' ', end - 1);
                int wordStart = space < start ? start : space + 1;
                String word = value.substring(wordStart, end);
                if (!isOrdinaryWord(word)) {
                    break;
                }
                place |= isPlaceOrFirmWord(word);
                if (followsInitial(value, start, wordStart)) {
                    break;
                }
                end = Math.max(start, wordStart - 1);
            }
            if (place) {
                // "Martinez Mall St.", "the Davis Orchestra": a street or a firm named after somebody
                continue;
            }
            if (value.startsWith("'s", end - 2) || value.startsWith("\u2019s", end - 2)) {
                end -= 2;
            }
            if (start == 0 && end == value.length()) {
                kept.add(finding);
            } else if (start < end) {
                kept.add(new Finding(Category.NAME, value.substring(start, end), finding.start() + start, finding.start() + end,
                        finding.confidence()));
            }
        }
        return kept;
    }

    /**
     * A house number after a name: "Peter Zuidhove 188", a street named after somebody. (A person's
     * name before an age, "Anna Kowalska 34", is lost with it: streets named after people are the
     * commoner of the two in addresses, which is where names stand before numbers.)
     */
    private static final Pattern HOUSE_NUMBER_AFTER = Pattern.compile(" \\d{1,4}[a-z]?(?![\\d/.:-])");

    /** Words written in lower case inside a capitalised name: "Willemine ten Pas", "Chiclana de la Frontera". */
    private static final java.util.Set<String> NAME_PARTICLES = java.util.Set.of("van", "von", "de", "der", "den", "da", "das",
            "do", "dos", "du", "del", "della", "di", "la", "le", "ten", "ter", "bin", "ibn", "al", "el", "y", "zu", "af", "av");

    /**
     * The names with a capitalised word cut where an ordinary lower-case word stands that is no name's
     * particle ("said Gladys to Logan", "the Jensen novel"): the gazetteer's lists hold many such words
     * as somebody's name ("To", "Novel"), but a name written with capitals writes its own words so.
     */
    private List<Finding> splitAtLowerCaseWords(String text, List<Finding> findings) {
        if (!hasName(findings)) {
            return findings;
        }
        List<Finding> pieces = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            String value = finding.value();
            if (finding.category() != Category.NAME || !lineHasCapitals(text, finding.start())) {
                pieces.add(finding);
                continue;
            }
            int pieceStart = 0;
            for (int at = 0; at <= value.length(); ) {
                int space = value.indexOf(' ', at);
                int wordEnd = space < 0 ? value.length() : space;
                String word = value.substring(at, wordEnd);
                if (!word.isEmpty() && Character.isLowerCase(word.charAt(0)) && !NAME_PARTICLES.contains(word)
                        && gazetteer.isEnglishWord(word)) {
                    addPiece(finding, pieceStart, at - 1, pieces);
                    pieceStart = wordEnd + 1;
                }
                at = wordEnd + 1;
            }
            if (pieceStart == 0) {
                pieces.add(finding);
            } else {
                addPiece(finding, pieceStart, value.length(), pieces);
            }
        }
        return pieces;
    }

    private static boolean hasName(List<Finding> findings) {
        for (Finding finding : findings) {
            if (finding.category() == Category.NAME) {
                return true;
            }
        }
        return false;
    }

    /** Whether the line around {@code at} has an upper-case letter: whether its writer used capitals. */
    private static boolean lineHasCapitals(String text, int at) {
        int start = text.lastIndexOf('\n', at) + 1;
        int end = text.indexOf('\n', at);
        for (int i = start, stop = end < 0 ? text.length() : end; i < stop; i++) {
            if (Character.isUpperCase(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static void addPiece(Finding finding, int start, int end, List<Finding> pieces) {
        if (start < end) {
            pieces.add(new Finding(Category.NAME, finding.value().substring(start, end), finding.start() + start, finding.start() + end,
                    finding.confidence()));
        }
    }

    /** Whether the word at {@code wordStart} follows an initial: a surname that is also an ordinary word ("Brad L Key"). */
    private static boolean followsInitial(String value, int start, int wordStart) {
        if (wordStart - 2 < start) {
            return false;
        }
        int initial = value.charAt(wordStart - 2) == '.' ? wordStart - 3 : wordStart - 2;
        return initial >= start && Character.isUpperCase(value.charAt(initial)) && (initial == start || value.charAt(initial - 1) == ' ');
    }

    /** "Miss", "Dr.": a title is no part of the name it stands before. */
    private static boolean isTitle(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return TITLE_WORDS.contains(lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower);
    }

    private static boolean isPlaceOrFirmWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return PLACE_WORDS.contains(lower) || ORGANISATION_WORDS.contains(lower);
    }

    /** The letters of the word after the spaces at {@code at}: empty when something else follows. */
    private static String wordAfter(String text, int at) {
        int start = at;
        while (start < text.length() && text.charAt(start) == ' ') {
            start++;
        }
        int end = start;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(start, end);
    }

    /** {@link Gazetteer#isOrdinaryWord}, titles aside: {@link #isTitle} decides on them. */
    private boolean isOrdinaryWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return !TITLE_WORDS.contains(lower) && gazetteer.isOrdinaryWord(lower);
    }

    /**
     * The findings without the names in a list of names that a firm's or a place's word ends ("The
     * Clark, Romero and Hall Orchestra", "Skidmore, Owings and Merrill LLP"): one firm's name.
     */
    private static List<Finding> withoutFirmsOfNames(String text, List<Finding> findings) {
        if (!mayHoldList(text)) {
            return findings;
        }
        List<int[]> firms = new ArrayList<>();
        Matcher list = NAME_LIST.matcher(text);
        while (list.find()) {
            if (isPlaceOrFirmWord(wordAfter(text, list.end()))) {
                firms.add(new int[] {list.start(), list.end()});
            }
        }
        if (firms.isEmpty()) {
            return findings;
        }
        List<Finding> kept = new ArrayList<>(findings);
        kept.removeIf(finding -> finding.category() == Category.NAME
                && firms.stream().anyMatch(firm -> firm[0] <= finding.start() && finding.start() < firm[1]));
        return kept;
    }

    /** Whether the text may hold a list of words ("A, B and C"): {@link #NAME_LIST} cannot match otherwise. */
    private static boolean mayHoldList(String text) {
        return text.contains(", ") && (text.contains(" and ") || text.contains(" & "));
    }

    /**
     * In a list of single capitalised words ("Efimiya, Mary, Ariana and Jodi") of which most are names
     * already found, the rest are names too.
     */
    private static List<Finding> withListedNames(String text, List<Finding> findings) {
        if (!mayHoldList(text)) {
            return findings;
        }
        List<int[]> unnamed = new ArrayList<>();
        Matcher list = NAME_LIST.matcher(text);
        while (list.find()) {
            List<int[]> items = new ArrayList<>();
            Matcher item = CAPITALISED_WORD.matcher(text).region(list.start(), list.end());
            while (item.find()) {
                items.add(new int[] {item.start(), item.end()});
            }
            long named = items.stream().filter(span -> findings.stream().anyMatch(f -> f.category() == Category.NAME
                    && f.start() <= span[0] && span[1] <= f.end())).count();
            if (named >= 2 && named * 2 >= items.size()) {
                items.stream().filter(span -> !STOP_WORDS.contains(text.substring(span[0], span[1]).toLowerCase(Locale.ROOT))
                        && Countries.code(text.substring(span[0], span[1])) == null).forEach(unnamed::add);
            }
        }
        return withNamesAt(text, findings, unnamed);
    }

    /**
     * The other of two capitalised words joined by "and" when one is a name ("Usamov and Bowers were
     * engineers"), unless it is an ordinary word ("Thomas and Sons"), a country, or followed by a number
     * (a street: "Maarit and Hersnapvej 75").
     */
    private List<Finding> withPairedNames(String text, List<Finding> findings) {
        if (!text.contains(" and ") && !text.contains(" & ")) {
            return findings;
        }
        List<int[]> unnamed = new ArrayList<>();
        Matcher pair = NAME_PAIR.matcher(text);
        while (pair.find()) {
            boolean firstNamed = isNamed(findings, pair.start(1), pair.end(1));
            boolean secondNamed = isNamed(findings, pair.start(2), pair.end(2));
            if (firstNamed != secondNamed) {
                int other = firstNamed ? 2 : 1;
                String word = pair.group(other);
                if (!isOrdinaryWord(word) && !STOP_WORDS.contains(word.toLowerCase(Locale.ROOT)) && Countries.code(word) == null) {
                    unnamed.add(new int[] {pair.start(other), pair.end(other)});
                }
            }
        }
        return withNamesAt(text, findings, unnamed);
    }

    private static boolean isNamed(List<Finding> findings, int start, int end) {
        return findings.stream().anyMatch(finding -> finding.category() == Category.NAME && finding.start() <= start && end <= finding.end());
    }

    /**
     * A word of a name found once names the same person wherever else it stands alone in the text
     * ("My name is Aantje Mourik but everyone calls me Aantje").
     */
    private static List<Finding> withRepeatedNames(String text, List<Finding> findings) {
        java.util.Set<String> words = new java.util.HashSet<>();
        for (Finding finding : findings) {
            if (finding.category() == Category.NAME) {
                for (String word : finding.value().split("[\\s,]+")) {
                    if (word.length() > 2 && Character.isUpperCase(word.charAt(0))
                            && !STOP_WORDS.contains(word.toLowerCase(Locale.ROOT)) && !TITLE_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                        words.add(word);
                    }
                }
            }
        }
        List<int[]> occurrences = new ArrayList<>();
        for (String word : words) {
            for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
                int end = at + word.length();
                if ((at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                        && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                    occurrences.add(new int[] {at, end});
                }
            }
        }
        return withNamesAt(text, findings, occurrences);
    }

    /** The findings and a name at each of the spans where nothing was found, in order of position. */
    private static List<Finding> withNamesAt(String text, List<Finding> findings, List<int[]> spans) {
        if (spans.isEmpty()) {
            return findings;
        }
        List<Finding> all = new ArrayList<>(findings);
        for (int[] span : spans) {
            if (all.stream().noneMatch(f -> f.start() < span[1] && span[0] < f.end())) {
                all.add(new Finding(Category.NAME, text.substring(span[0], span[1]), span[0], span[1], 0.6));
            }
        }
        all.sort(Comparator.comparingInt(Finding::start));
        return List.copyOf(all);
    }

    /** Counts of the characters that the detectors need. */
    private record Shape(int digits, int upper, int letters, int dots, int colons, int dollars, boolean at, int longestCodeRun,
                         boolean numberThenCapital, int firstDigit, boolean lettersThenDigits) {
        static Shape of(String text) {
            int run = 0;
            int longestRun = 0;
            int digits = 0;
            int upper = 0;
            int letters = 0;
            int dots = 0;
            int colons = 0;
            int dollars = 0;
            boolean at = false;
            boolean numberThenCapital = false;
            int firstDigit = text.length();
            // two ASCII letters, then two digits: how every IBAN starts
            boolean lettersThenDigits = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ' ' && i > 0 && i + 1 < text.length() && Character.isDigit(text.charAt(i - 1))
                        && Character.isUpperCase(text.charAt(i + 1))) {
                    numberThenCapital = true;
                }
                run = isAsciiDigit(c) || (c >= 'A' && c <= 'Z') ? run + 1 : 0;
                longestRun = Math.max(longestRun, run);
                if (isAsciiDigit(c)) {
                    lettersThenDigits |= i >= 3 && isAsciiDigit(text.charAt(i - 1))
                            && isAsciiLetter(text.charAt(i - 2)) && isAsciiLetter(text.charAt(i - 3));
                    firstDigit = Math.min(firstDigit, i);
                    digits++;
                } else if (Character.isLetter(c)) {
                    letters++;
                    if (Character.isUpperCase(c)) {
                        upper++;
                    }
                } else if (c == '.') {
                    dots++;
                } else if (c == ':') {
                    colons++;
                } else if (c == '$') {
                    dollars++;
                } else if (c == '@') {
                    at = true;
                }
            }
            return new Shape(digits, upper, letters, dots, colons, dollars, at, longestRun, numberThenCapital, firstDigit,
                    lettersThenDigits);
        }

        private static boolean isAsciiDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isAsciiLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        /**
         * A matcher of a pattern whose matches start at most {@code lead} characters before a digit,
         * set to skip the text before the first digit (which lookbehinds still see).
         */
        Matcher fromFirstDigit(Pattern pattern, String text, int lead) {
            return pattern.matcher(text).region(Math.max(0, firstDigit - lead), text.length())
                    .useTransparentBounds(true).useAnchoringBounds(false);
        }
    }

    /** Health terms, found by looking words up rather than by one long alternation. */
    private static void health(String lower, String text, List<Finding> found, int hints) {
        if ((hints & HEALTH_HINT) == 0) {
            return;
        }
        for (String phrase : HEALTH_PHRASES) {
            for (int at = lower.indexOf(phrase); at >= 0; at = lower.indexOf(phrase, at + 1)) {
                found.add(new Finding(Category.HEALTH, text.substring(at, at + phrase.length()), at, at + phrase.length(), 0.6));
            }
        }
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean letter = i < lower.length() && (Character.isLetter(lower.charAt(i)) || lower.charAt(i) == '\'');
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                if (HEALTH_WORDS.contains(lower.substring(start, i))) {
                    found.add(new Finding(Category.HEALTH, text.substring(start, i), start, i, 0.6));
                }
                start = -1;
            }
        }
    }

    /**
     * Lower case with positions in it the positions in the text: as {@link String#toLowerCase} where
     * that keeps the length (almost always, and faster), else char by char ("İ" would grow).
     */
    private static String lowerSameLength(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.length() == text.length()) {
            return lower;
        }
        char[] chars = new char[text.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(text.charAt(i));
        }
        return new String(chars);
    }

    private static void emails(String text, List<Finding> found) {
        whole(EMAIL, Category.EMAIL, 0.99, text, found);
    }

    private static void cardsAndDigits(String text, List<Finding> found, Shape shape, int hints) {
        Matcher m = shape.fromFirstDigit(DIGIT_RUN, text, 0);
        while (m.find()) {
            if (Identifiers.isPaymentCard(m.group())) {
                found.add(new Finding(Category.PAYMENT_CARD, m.group(), m.start(), m.end(), 0.95));
            } else if ((hints & CARD_HINT) != 0
                    && CARD_CONTEXT.matcher(text.substring(Math.max(0, m.start() - 30), m.start())).find()
                    && Identifiers.isCardNumberByChecksum(m.group())) {
                found.add(new Finding(Category.PAYMENT_CARD, m.group(), m.start(), m.end(), 0.9));
            }
        }
    }

    private static void ibans(String text, List<Finding> found) {
        Matcher m = IBAN.matcher(text);
        while (m.find()) {
            String candidate = m.group().strip();
            // the pattern is greedy over spaced groups; the IBAN may end before the last group
            while (candidate.length() >= 15 && !Identifiers.isIban(candidate)) {
                int lastSpace = candidate.lastIndexOf(' ');
                if (lastSpace < 0) {
                    candidate = "";
                    break;
                }
                candidate = candidate.substring(0, lastSpace);
            }
            if (candidate.length() >= 15) {
                found.add(new Finding(Category.IBAN, candidate, m.start(), m.start() + candidate.length(), 0.99));
            }
        }
    }

    private static void nationalIds(String text, List<Finding> found, Shape shape, String lower) {
        Matcher m = shape.fromFirstDigit(SSN, text, 0);
        while (shape.digits >= 9 && m.find()) {
            if (Identifiers.isSsn(m.group())) {
                found.add(new Finding(Category.NATIONAL_ID, m.group(), m.start(), m.end(), 0.85));
            }
        }
        m = shape.fromFirstDigit(BARE_SSN, text, 0);
        while ((lower.contains("ssn") || lower.contains("social security")) && m.find()) {
            if (Identifiers.isSsn(m.group()) && precededBy(text, m.start(), "(?i).*\\b(?:ssn|social security(?: number| no\\.?)?)\\W{0,4}(?:is\\W+)?$")) {
                found.add(new Finding(Category.NATIONAL_ID, m.group(), m.start(), m.end(), 0.9));
            }
        }
        m = NINO.matcher(text);
        while (shape.upper >= 3 && m.find()) {
            boolean upper = m.group().equals(m.group().toUpperCase(Locale.ROOT));
            if (upper && Identifiers.isNino(m.group())) {
                found.add(new Finding(Category.NATIONAL_ID, m.group(), m.start(), m.end(), 0.9));
            }
        }
    }

    private static void vins(String text, List<Finding> found) {
        Matcher m = VIN.matcher(text);
        while (m.find()) {
            boolean context = precededBy(text, m.start(), "(?i).*\\b(?:vin|chassis(?: number)?|vehicle identification number)\\W{0,4}$");
            if (Identifiers.isVinWithCheckDigit(m.group()) || (context && Identifiers.isVinShape(m.group()))) {
                found.add(new Finding(Category.VIN, m.group(), m.start(), m.end(), context ? 0.99 : 0.9));
            }
        }
    }

    private static void ipAddresses(String text, List<Finding> found) {
        Matcher m = IPV4.matcher(text);
        while (m.find()) {
            if (Identifiers.isIpv4(m.group())) {
                found.add(new Finding(Category.IP_ADDRESS, m.group(), m.start(), m.end(), 0.9));
            }
        }
        m = IPV6.matcher(text);
        while (m.find()) {
            if (m.group().length() >= 6 && Identifiers.isIpv6(m.group())) {
                found.add(new Finding(Category.IP_ADDRESS, m.group(), m.start(), m.end(), 0.9));
            }
        }
    }

    private static void phones(String text, String lower, List<Finding> found, Shape shape) {
        List<Finding> phones = new ArrayList<>();
        Matcher candidate = shape.fromFirstDigit(PHONE_CANDIDATE, text, "+(".length());
        while (candidate.find()) {
            String raw = candidate.group().strip();
            if (!partOfLongerToken(text, candidate.start(), candidate.start() + raw.length()) && isValidPhone(raw)) {
                phones.add(new Finding(Category.PHONE, raw, candidate.start(), candidate.start() + raw.length(), 0.8));
            }
        }
        if (digitsIn(phones) == shape.digits) {
            // a number found by a cue would overlap one found already
            found.addAll(phones);
            return;
        }
        Matcher after = PHONE_AFTER_CUE.matcher(text);
        List<Integer> cueEnds = new ArrayList<>(afterCues(lower, PHONE_CUES));
        for (int labelEnd : afterCues(lower, LABEL_CUES)) {
            if (lower.startsWith(":", labelEnd) || lower.startsWith(" :", labelEnd)) {
                cueEnds.add(labelEnd);
            }
        }
        for (int cueEnd : cueEnds) {
            after.region(cueEnd, text.length());
            if (after.lookingAt()) {
                addCuedPhone(after, phones);
            }
        }
        if (LABEL_CUES.stream().anyMatch(lower::contains) || lower.contains("fax") || lower.contains("mobile") || lower.contains("cell")) {
            Matcher before = shape.fromFirstDigit(PHONE_BEFORE_CUE, text, "+(".length());
            while (before.find()) {
                addCuedPhone(before, phones);
            }
        }
        found.addAll(phones);
    }

    private static long digitsIn(List<Finding> findings) {
        long digits = 0;
        for (Finding finding : findings) {
            for (int i = 0; i < finding.value().length(); i++) {
                char c = finding.value().charAt(i);
                if (Shape.isAsciiDigit(c)) {
                    digits++;
                }
            }
        }
        return digits;
    }

    private static void addCuedPhone(Matcher m, List<Finding> phones) {
        String number = m.group(1).strip();
        Finding finding = new Finding(Category.PHONE, number, m.start(1), m.start(1) + number.length(), 0.7);
        if (phones.stream().noneMatch(finding::overlaps)) {
            long digits = digitsIn(List.of(finding));
            if (digits >= 6 && digits <= 16) {
                phones.add(finding);
            }
        }
    }

    /** The positions just after each whole-word occurrence of a cue in {@code lower}. */
    private static List<Integer> afterCues(String lower, List<String> cues) {
        List<Integer> ends = new ArrayList<>(2);
        for (String cue : cues) {
            for (int at = lower.indexOf(cue); at >= 0; at = lower.indexOf(cue, at + 1)) {
                int end = at + cue.length();
                boolean wordStart = at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1));
                boolean wordEnd = end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end));
                if (wordStart && wordEnd) {
                    ends.add(end);
                }
            }
        }
        return ends;
    }

    /** Valid as written with its country code, or as a national number of one of the common regions. */
    private static boolean isValidPhone(String raw) {
        if (raw.startsWith("+") || raw.startsWith("00")) {
            return Phones.normalise(raw, null).filter(Phones::isPlausibleInternational).isPresent();
        }
        // short national numbers and dates look alike; without a cue word, only full national numbers count
        long digits = raw.chars().filter(Character::isDigit).count();
        if (digits < 10 || LOOKS_LIKE_DATE.matcher(raw).lookingAt()) {
            return false;
        }
        for (String region : PHONE_REGIONS) {
            if (Phones.isValid(raw, region)) {
                return true;
            }
        }
        return false;
    }

    /** Version numbers and paths ({@code Chrome/73.0.3683.103}) are not phone numbers. */
    private static boolean partOfLongerToken(String text, int start, int end) {
        char before = start > 0 ? text.charAt(start - 1) : ' ';
        char after = end < text.length() ? text.charAt(end) : ' ';
        return before == '/' || before == '.' || before == '_' || Character.isLetterOrDigit(before)
                || after == '.' && end + 1 < text.length() && Character.isDigit(text.charAt(end + 1))
                || after == '/' || after == '_' || Character.isLetterOrDigit(after);
    }

    private static void datesOfBirth(String text, List<Finding> found) {
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            String before = text.substring(Math.max(0, m.start() - 40), m.start());
            if (BIRTH_CONTEXT.matcher(before).find() && Dates.parse(m.group(), Dates.Order.UNKNOWN).isPresent()) {
                found.add(new Finding(Category.DATE_OF_BIRTH, m.group(), m.start(), m.end(), 0.85));
            }
        }
    }

    private static void credentials(String text, List<Finding> found) {
        grouped(CREDENTIAL, Category.CREDENTIALS, 0.85, text, found);
        Matcher m = HASH_TOKEN.matcher(text);
        while (m.find()) {
            if (Identifiers.isPasswordHash(m.group())) {
                found.add(new Finding(Category.CREDENTIALS, m.group(), m.start(), m.end(), 0.95));
            }
        }
    }

    private static void addresses(String text, List<Finding> found, Shape shape, int hints) {
        if (shape.numberThenCapital || (hints & STREET_HINT) != 0) {
            Matcher street = STREET.matcher(text);
            Matcher tail = ADDRESS_TAIL.matcher(text);
            while (street.find()) {
                int end = street.end();
                tail.region(end, text.length());
                if (tail.lookingAt()) {
                    end = tail.end();
                }
                end = withoutFullStop(text, street.start(), end);
                found.add(new Finding(Category.ADDRESS, text.substring(street.start(), end), street.start(), end, 0.7));
                street.region(end, text.length());
            }
        }
        if (shape.upper >= 3) {
            whole(UK_POSTCODE, Category.POSTCODE, 0.9, text, found);
        }
    }

    /** The end of an address without the full stop of its sentence ("... Al Bakri."), keeping "St." and "u. 15.". */
    private static int withoutFullStop(String text, int start, int end) {
        if (end - start < 2 || text.charAt(end - 1) != '.' || end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            return end;
        }
        int word = end - 1;
        while (word > start && Character.isLetter(text.charAt(word - 1))) {
            word--;
        }
        return end - 1 - word > 3 ? end - 1 : end;
    }

    private void names(String text, String lower, List<Finding> found, int hints) {
        if ((hints & TITLE_HINT) != 0) {
            grouped(TITLED_NAME, Category.NAME, 0.9, text, found);
        }
        Matcher m = NAME_AFTER_CUE.matcher(text);
        for (int cueEnd : afterCues(lower, SURE_NAME_CUES)) {
            m.region(cueEnd, text.length());
            if (m.lookingAt() && !STOP_WORDS.contains(m.group(1).split(" ")[0].toLowerCase(Locale.ROOT))) {
                found.add(new Finding(Category.NAME, m.group(1), m.start(1), m.end(1), 0.9));
            }
        }
        for (int cueEnd : afterCues(lower, NAME_CUES)) {
            m.region(cueEnd, text.length());
            if (m.lookingAt()) {
                String[] words = m.group(1).split(" ");
                if (words.length >= 2 || known(words) > 0 || greeted(lower, cueEnd, m.end(1))) {
                    found.add(new Finding(Category.NAME, m.group(1), m.start(1), m.end(1), CUED_NAME));
                }
            }
        }
        // after weaker cues ("by", "with", "says"), only runs with a name the gazetteer knows
        for (int cueEnd : afterCues(lower, WEAK_NAME_CUES)) {
            m.region(cueEnd, text.length());
            if (m.lookingAt() && known(m.group(1).split(" ")) > 0) {
                found.add(new Finding(Category.NAME, m.group(1), m.start(1), m.end(1), 0.6));
            }
        }
        m = CAPITALISED_RUN.matcher(text);
        // the pattern is tried only where a capital stands: a regular expression's search tries everywhere
        for (int at = nextCapital(text, 0); at >= 0; ) {
            m.region(at, text.length());
            if (!m.lookingAt()) {
                at = nextCapital(text, at + 1);
                continue;
            }
            int notName = leadingNonNameLength(m.group());
            int possessive = m.group().endsWith("'s") ? m.group().length() - 2 : m.group().indexOf("'s ");
            if (notName > 0) {
                // "Hi Freddy", "I'm Naomi Ryan": the name starts after
                at = nextCapital(text, m.start() + notName);
            } else if (possessive > 0) {
                // "Yuri Bulgakov's Cautionary Tales", "Midlands Freight's Peter Walsh": two runs, each judged alone
                capitalisedRun(text, m.start(), m.start() + possessive, found);
                at = nextCapital(text, m.start() + possessive + 3);
            } else {
                capitalisedRun(text, m.start(), m.end(), found);
                at = nextCapital(text, m.end());
            }
        }
        // "here from Poland": a country is no one's name, whatever the cue before it
        found.removeIf(finding -> finding.category() == Category.NAME && Countries.code(finding.value()) != null);
    }

    private static final Pattern LOWER_CASE_NAME = Pattern.compile("(?<![\\p{L}'])(\\p{L}{3,})(?: \\p{L}\\.?)? (\\p{L}{2,})(?![\\p{L}'])(?! ?\\d)");

    /**
     * In text written without capitals ("follow up with patricia desrosiers"), a given name the gazetteer
     * knows and no dictionary has, then perhaps an initial, then a word no dictionary has; not before a
     * number ("rua josé a madeira 1" is a street).
     */
    private void lowerCaseNames(String text, List<Finding> found) {
        Matcher m = LOWER_CASE_NAME.matcher(text);
        for (int at = 0; at < text.length() && m.find(at); ) {
            String given = m.group(1);
            String family = m.group(2);
            if (gazetteer.isGivenName(given) && !gazetteer.isEnglishWord(given)
                    && !gazetteer.isEnglishWord(family)) {
                found.add(new Finding(Category.NAME, m.group(), m.start(), m.end(), 0.6));
                at = m.end();
            } else {
                at = m.end(1);
            }
        }
    }

    /** A greeting's one word followed by a comma or the line's end: "Hi Manlio,", "Dear Quinzia". */
    private static boolean greeted(String lower, int cueEnd, int nameEnd) {
        boolean greeting = GREETINGS.stream().anyMatch(greetingWord -> lower.startsWith(greetingWord, cueEnd - greetingWord.length()));
        return greeting && (nameEnd == lower.length() || lower.charAt(nameEnd) == ',' || lower.charAt(nameEnd) == '\n');
    }

    /** Where the next upper-case letter ({@code \p{Lu}}) stands from {@code from} on, or -1. */
    private static int nextCapital(String text, int from) {
        for (int i = from; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.getType(c) == Character.UPPERCASE_LETTER) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    /** A name where a run of capitalised words starts with a known given name or ends with a known family name. */
    private void capitalisedRun(String text, int start, int end, List<Finding> found) {
        String run = text.substring(start, end);
        String[] words = run.indexOf(' ') < 0 ? new String[] {run} : run.split(" ");
        int ordinary = 0;
        while (ordinary < words.length - 2 && isOrdinaryWord(words[ordinary])) {
            // "Supervisor Priya Venkataraghavan": a job's words before a name are judged without them
            start += words[ordinary].length() + 1;
            ordinary++;
        }
        if (ordinary > 0) {
            run = text.substring(start, end);
            words = java.util.Arrays.copyOfRange(words, ordinary, words.length);
        }
        if (words.length == 1) {
            // a lone given name counts where it cannot be a sentence's first word
            if (gazetteer.isGivenName(words[0]) && !sentenceStart(text, start) && run.length() > 2) {
                found.add(new Finding(Category.NAME, run, start, end, 0.5));
            }
            return;
        }
        if (words.length > 4 || Countries.code(run) != null
                || PLACE_WORDS.contains(words[words.length - 1].toLowerCase(java.util.Locale.ROOT))
                || ORGANISATION_WORDS.contains(words[words.length - 1].toLowerCase(java.util.Locale.ROOT))) {
            return;
        }
        boolean givenFirst = gazetteer.isGivenName(words[0]);
        boolean familyLast = gazetteer.isFamilyName(words[words.length - 1]);
        boolean startsLine = start == 0 || text.charAt(start - 1) == '\n';
        if (givenFirst || familyLast && !STOP_WORDS.contains(words[0].toLowerCase(java.util.Locale.ROOT))
                || startsLine && words.length <= 3 && known(words) > 0) {
            found.add(new Finding(Category.NAME, run, start, end, givenFirst && familyLast ? 0.8 : 0.6));
        }
    }

    /** Words that open a run of capitalised words without being part of the name that follows. */
    static final java.util.Set<String> LEADING_NON_NAMES = java.util.Set.of("Hi", "Hello", "Hey", "Dear", "Thanks", "Regards", "Cheers",
            "I'm", "I've", "I'd", "I'll", "The", "A", "An", "For", "In", "On", "At", "To", "From", "With", "By", "Of",
            "And", "But", "If", "When", "As", "So", "Then");

    /**
     * The length of what opens a run of capitalised words without being part of a name (a greeting,
     * "I'm", a sentence's first function word), 0 when nothing does.
     */
    private static int leadingNonNameLength(String run) {
        int space = run.indexOf(' ');
        return space > 0 && LEADING_NON_NAMES.contains(run.substring(0, space)) ? space + 1 : 0;
    }

    static boolean sentenceStart(String text, int position) {
        for (int i = position - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '"' && c != '\'' && c != '(' && c != '>') {
                return c == '.' || c == '!' || c == '?' || c == ':' || c == '\n';
            }
            if (c == '\n') {
                return true;
            }
        }
        return true;
    }

    private int known(String[] words) {
        int known = 0;
        for (String word : words) {
            if (gazetteer.isGivenName(word) || gazetteer.isFamilyName(word)) {
                known++;
            }
        }
        return known;
    }

    private static void whole(Pattern pattern, Category category, double confidence, String text, List<Finding> found) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(new Finding(category, m.group(), m.start(), m.end(), confidence));
        }
    }

    private static void grouped(Pattern pattern, Category category, double confidence, String text, List<Finding> found) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(new Finding(category, m.group(1), m.start(1), m.end(1), confidence));
        }
    }

    private static boolean precededBy(String text, int position, String regex) {
        return text.substring(Math.max(0, position - 40), position).matches("(?s)" + regex);
    }

    /**
     * Keeps, of overlapping findings, the one listed first in {@link Category} order, then the longer. An
     * address whose tail ran into a finding that ranks higher (the phone number on the next line of a
     * letterhead) keeps the part before it rather than being lost whole.
     */
    private static final Comparator<Finding> BY_PRIORITY = Comparator.comparingInt((Finding f) -> priority(f.category()))
            .thenComparing(Comparator.comparingInt((Finding f) -> f.end() - f.start()).reversed())
            .thenComparingInt(Finding::start);

    private static List<Finding> withoutOverlaps(String text, List<Finding> found) {
        if (found.size() < 2) {
            return List.copyOf(found);
        }
        List<Finding> byPriority = new ArrayList<>(afterSureNames(text, found));
        byPriority.sort(BY_PRIORITY);
        List<Finding> kept = new ArrayList<>();
        for (Finding finding : byPriority) {
            List<Finding> clashes = kept.stream().filter(finding::overlaps).toList();
            if (clashes.isEmpty()) {
                kept.add(finding);
            } else if (finding.category() == Category.ADDRESS) {
                int end = clashes.stream().mapToInt(Finding::start).min().orElseThrow();
                while (end > finding.start() && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == ',')) {
                    end--;
                }
                if (end - finding.start() >= 4) {
                    Finding before = new Finding(Category.ADDRESS, text.substring(finding.start(), end), finding.start(), end,
                            finding.confidence());
                    if (kept.stream().noneMatch(before::overlaps)) {
                        kept.add(before);
                    }
                }
            }
        }
        kept.sort(Comparator.comparingInt(Finding::start));
        return List.copyOf(kept);
    }

    /**
     * An address that starts inside a name found with certainty (after a title or "my name is") starts
     * after it: "Mrs. Barbara Yudina Apt. 675 ..." is a name and then an address.
     */
    private static List<Finding> afterSureNames(String text, List<Finding> found) {
        List<Finding> sure = found.stream().filter(f -> f.category() == Category.NAME && f.confidence() >= 0.9).toList();
        if (sure.isEmpty()) {
            return found;
        }
        List<Finding> adjusted = new ArrayList<>(found.size());
        for (Finding finding : found) {
            Finding name = finding.category() != Category.ADDRESS ? null
                    : sure.stream().filter(n -> n.start() <= finding.start() && finding.start() < n.end() && n.end() < finding.end())
                            .findFirst().orElse(null);
            if (name == null) {
                adjusted.add(finding);
                continue;
            }
            int start = name.end();
            while (start < finding.end() && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == ',')) {
                start++;
            }
            if (finding.end() - start >= 4) {
                adjusted.add(new Finding(Category.ADDRESS, text.substring(start, finding.end()), start, finding.end(), finding.confidence()));
            }
        }
        return adjusted;
    }

    private static int priority(Category category) {
        return switch (category) {
            case EMAIL -> 0;
            case IBAN, PAYMENT_CARD -> 1;
            case NATIONAL_ID, VIN, DRIVING_LICENCE, PASSPORT -> 2;
            case IP_ADDRESS, CREDENTIALS -> 3;
            case DATE_OF_BIRTH -> 4;
            case PHONE -> 5;
            case ADDRESS, POSTCODE -> 6;
            case VEHICLE_REGISTRATION -> 7;
            case NAME -> 8;
            default -> 9;
        };
    }
}
