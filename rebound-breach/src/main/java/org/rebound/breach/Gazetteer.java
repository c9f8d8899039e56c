package org.rebound.breach;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Given and family names from many locales (see NAMES-LICENSE.txt), looked up case-insensitively. */
final class Gazetteer {

    private static final Gazetteer INSTANCE = new Gazetteer();

    /** Words that are also names in some locale but far more often ordinary English words. */
    private static final Set<String> COMMON_WORDS = Set.of(
            "the", "my", "can", "to", "he", "she", "bot", "don", "are", "but", "love", "white", "royal",
            "an", "sunday", "in", "have", "sir", "date", "so", "cool", "oh", "day", "via", "during", "will",
            "just", "from", "box", "princess", "czech", "blink", "rua", "is", "it", "we", "me", "be", "no",
            "new", "mark", "may", "june", "april", "august", "street", "road", "lane", "city", "park", "hall",
            "north", "south", "east", "west", "summer", "winter", "chase", "grant", "hope", "joy", "king",
            "young", "long", "little", "rich", "black", "brown", "green", "gray", "grey", "rose", "bill", "art");

    private final Set<String> givenNames;
    private final Set<String> familyNames;
    private final Set<String> englishWords;

    private Gazetteer() {
        givenNames = load("given-names.txt");
        familyNames = load("family-names.txt");
        englishWords = load("english-words.txt");
    }

    static Gazetteer instance() {
        return INSTANCE;
    }

    boolean isGivenName(String word) {
        String key = word.toLowerCase(Locale.ROOT);
        return givenNames.contains(key) && !COMMON_WORDS.contains(key);
    }

    boolean isFamilyName(String word) {
        String key = word.toLowerCase(Locale.ROOT);
        return familyNames.contains(key) && !COMMON_WORDS.contains(key);
    }

    /**
     * Whether the word is an ordinary English word that is in neither list of names ("Producer", but
     * not "Mark", which some people are called).
     */
    boolean isOrdinaryWord(String word) {
        String key = word.toLowerCase(Locale.ROOT);
        return englishWords.contains(key) && !givenNames.contains(key) && !familyNames.contains(key);
    }

    /** Whether the word, in lower case, is in an English dictionary (SCOWL's words without capitals). */
    boolean isEnglishWord(String word) {
        return englishWords.contains(word.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load(String resource) {
        Set<String> names = new HashSet<>();
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    names.add(line.trim().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
