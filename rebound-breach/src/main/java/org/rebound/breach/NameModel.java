package org.rebound.breach;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;

/**
 * Person names found by a statistical model: OpenNLP's maximum-entropy name finder, which weighs a
 * word's shape and its neighbours, told in addition what the name gazetteer knows of each word. It
 * finds what rules cannot: a name without a cue that the gazetteer does not know ("Kwabena replied"),
 * a surname in a list. Text is read line by line, as the model was trained. Thread-safe: each thread
 * gets its own finder.
 */
final class NameModel {

    static final String RESOURCE = "person-names.bin";
    /** The feature generators the model is trained with; the trained model carries them. */
    private static final String FEATURES = "name-features.xml";
    private static final String TYPE = "person";

    /** Capitalised like names, and where a name could stand ("by Friday"), but never one alone. */
    private static final java.util.Set<String> CALENDAR_WORDS = java.util.Set.of("monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december");

    /** A full stop after a word of two or more letters ends a sentence; after one capital it marks an initial. */
    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("\\p{L}{2,}\\. ");

    private final Gazetteer gazetteer;
    private final ThreadLocal<NameFinderME> finders;

    NameModel(TokenNameFinderModel model, Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.finders = ThreadLocal.withInitial(() -> new NameFinderME(model));
    }

    /** The model shipped in the resources, trained by {@link NameModelTraining}. */
    static NameModel bundled(Gazetteer gazetteer) {
        try (InputStream in = NameModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new NameModel(new TokenNameFinderModel(in), gazetteer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the name model " + RESOURCE, e);
        }
    }

    List<Finding> find(String text) {
        NameFinderME finder = null;
        List<Finding> found = new ArrayList<>();
        for (int[] line : lines(text)) {
            String content = text.substring(line[0], line[1]);
            if (!mayName(content)) {
                continue;
            }
            finder = finder == null ? finders.get() : finder;
            Span[] tokens = SimpleTokenizer.INSTANCE.tokenizePos(content);
            String[] words = Span.spansToStrings(tokens, content);
            Span[] names = finder.find(words, features(words, gazetteer));
            double[] probabilities = finder.probs(names);
            for (int i = 0; i < names.length; i++) {
                Finding name = trimmed(text, line[0], tokens, words, names[i], probabilities[i]);
                if (name != null) {
                    found.add(name);
                }
            }
        }
        if (finder != null) {
            finder.clearAdaptiveData();
        }
        return found;
    }

    /** Each line's start and end in the text. */
    private static List<int[]> lines(String text) {
        List<int[]> lines = new ArrayList<>();
        for (int start = 0; start <= text.length(); ) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            lines.add(new int[] {start, end});
            start = end + 1;
        }
        return lines;
    }

    /**
     * A span the model marked, without a leading function word ("Now") or trailing punctuation ("Now
     * I'"), as a finding; null when what is left cannot be a name.
     */
    private @org.jspecify.annotations.Nullable Finding trimmed(String text, int lineStart, Span[] tokens,
            String[] words, Span name, double probability) {
        int first = name.getStart();
        int last = name.getEnd() - 1;
        while (first <= last && (TextDetector.LEADING_NON_NAMES.contains(words[first]) || gazetteer.isOrdinaryWord(words[first]))) {
            first++;
        }
        while (last >= first && !Character.isLetter(words[last].codePointAt(0))) {
            last--;
        }
        if (first > last || first == last && CALENDAR_WORDS.contains(words[first].toLowerCase(java.util.Locale.ROOT))) {
            return null;
        }
        int start = lineStart + tokens[first].getStart();
        int end = lineStart + tokens[last].getEnd();
        if (!plausible(text, start, end) || !capitalisedOrKnown(words, first, last)) {
            return null;
        }
        return new Finding(Category.NAME, text.substring(start, end), start, end, Math.min(1, Math.max(0.01, probability)));
    }

    /**
     * Whether a span the model marked can be a name: it does not run over a sentence's end ("reliable.
     * You") and is no country. (Firms' and streets' words are the detector's to judge, as for every name.)
     */
    private static boolean plausible(String text, int start, int end) {
        String span = text.substring(start, end);
        return !SENTENCE_END.matcher(span).find() && Countries.code(span) == null;
    }

    /**
     * Whether the model could find a name in the line: in a line with capitals, a capitalised word
     * that does not open a sentence, that the gazetteer knows or that no dictionary has ("Shovda is
     * very reliable"); in a line without any, a word the
     * gazetteer knows ("lena andersson"). Where there is none ("Prefers contact by phone"), the
     * model, the costliest detector, would find nothing, and it is not run.
     */
    private boolean mayName(String line) {
        boolean capitals = false;
        for (int i = 0; i < line.length() && !capitals; i++) {
            capitals = Character.isUpperCase(line.charAt(i));
        }
        for (int i = 0; i < line.length(); i++) {
            if (!Character.isLetter(line.charAt(i)) || i > 0 && Character.isLetterOrDigit(line.charAt(i - 1))) {
                continue;
            }
            int end = i + 1;
            while (end < line.length() && Character.isLetter(line.charAt(end))) {
                end++;
            }
            if (!capitals || Character.isUpperCase(line.charAt(i))) {
                String word = line.substring(i, end);
                boolean known = gazetteer.isGivenName(word) || gazetteer.isFamilyName(word);
                if (capitals ? known || !TextDetector.sentenceStart(line, i) || !gazetteer.isEnglishWord(word) : known) {
                    return true;
                }
            }
            i = end - 1;
        }
        return false;
    }

    /** A span of lower-case words ("ok user" in a log line) is a name only if the gazetteer knows one of them longer than two letters. */
    private boolean capitalisedOrKnown(String[] words, int first, int last) {
        for (int i = first; i <= last; i++) {
            if (Character.isUpperCase(words[i].codePointAt(0))
                    || words[i].length() > 2 && (gazetteer.isGivenName(words[i]) || gazetteer.isFamilyName(words[i]))) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the gazetteer knows of each word, alone and together with the word's shape and place:
     * the model is linear, so "a known given name, capitalised, first in its line" must be one feature
     * to weigh differently from its parts. Also whether the word is an ordinary English word: a
     * capitalised word no dictionary has is most often a name. (The same of its two neighbours added
     * half a point to the held-out F1 for a third more time a line: left out.)
     */
    private static String[][] features(String[] words, Gazetteer gazetteer) {
        String[][] features = new String[words.length][];
        for (int i = 0; i < words.length; i++) {
            int known = (gazetteer.isGivenName(words[i]) ? 1 : 0) + (gazetteer.isFamilyName(words[i]) ? 2 : 0);
            int first = i == 0 ? 1 : 0;
            int shape = shape(words[i]);
            String shaped = FeatureNames.SHAPED[known][shape][first];
            String lexical = FeatureNames.LEXICAL[gazetteer.isEnglishWord(words[i]) ? 1 : 0][known][shape][first];
            features[i] = known == 0 ? new String[] {shaped, lexical} : new String[] {FeatureNames.KNOWN[known], shaped, lexical};
        }
        return features;
    }

    /**
     * The feature names {@link #features} gives, made once: a line has many words, and a string made
     * anew is hashed anew by the model for every word.
     */
    private static final class FeatureNames {
        private static final String[] KNOWLEDGE = {"unknown", "given", "family", "both"};
        private static final String[] SHAPES = {"other", "upper", "capital", "lower"};
        /** "gz=given": what the gazetteer knows of the word, for words it knows. */
        static final String[] KNOWN = new String[KNOWLEDGE.length];
        /** "given&capital&first": knowledge, shape and place. */
        static final String[][][] SHAPED = new String[KNOWLEDGE.length][SHAPES.length][2];
        /** "nonword&given&capital&first": the same, and whether the word is an ordinary English word. */
        static final String[][][][] LEXICAL = new String[2][KNOWLEDGE.length][SHAPES.length][2];

        static {
            for (int known = 0; known < KNOWLEDGE.length; known++) {
                KNOWN[known] = "gz=" + KNOWLEDGE[known];
                for (int shape = 0; shape < SHAPES.length; shape++) {
                    for (int first = 0; first < 2; first++) {
                        SHAPED[known][shape][first] = KNOWLEDGE[known] + "&" + SHAPES[shape] + (first == 1 ? "&first" : "");
                        LEXICAL[0][known][shape][first] = "nonword&" + SHAPED[known][shape][first];
                        LEXICAL[1][known][shape][first] = "word&" + SHAPED[known][shape][first];
                    }
                }
            }
        }
    }

    /** The word's shape: an index of {@link FeatureNames#SHAPES}. */
    private static int shape(String word) {
        if (!word.chars().allMatch(Character::isLetter)) {
            return 0;
        }
        if (word.length() > 1 && word.chars().allMatch(Character::isUpperCase)) {
            return 1;
        }
        return Character.isUpperCase(word.codePointAt(0)) ? 2 : 3;
    }

    /** Training samples from a text and the character spans of the people named in it, line by line. */
    static List<NameSample> samples(String text, List<int[]> people, Gazetteer gazetteer) {
        List<NameSample> samples = new ArrayList<>();
        for (int[] line : lines(text)) {
            String content = text.substring(line[0], line[1]);
            Span[] tokens = SimpleTokenizer.INSTANCE.tokenizePos(content);
            if (tokens.length == 0) {
                continue;
            }
            List<Span> names = new ArrayList<>();
            for (int[] person : people) {
                int from = -1;
                int to = -1;
                for (int t = 0; t < tokens.length; t++) {
                    if (line[0] + tokens[t].getStart() < person[1] && line[0] + tokens[t].getEnd() > person[0]) {
                        from = from < 0 ? t : from;
                        to = t + 1;
                    }
                }
                if (from >= 0) {
                    names.add(new Span(from, to, TYPE));
                }
            }
            String[] words = Span.spansToStrings(tokens, content);
            samples.add(new NameSample(words, NameFinderME.dropOverlappingSpans(names.toArray(Span[]::new)),
                    features(words, gazetteer), samples.isEmpty()));
        }
        return samples;
    }

    static TokenNameFinderModel train(List<NameSample> samples) throws IOException {
        TrainingParameters parameters = TrainingParameters.defaultParams();
        // The perceptron recalls more names of unseen sentence forms than maximum entropy (0.77 vs 0.71
        // on held-out templates) for a little precision.
        parameters.put(TrainingParameters.ALGORITHM_PARAM, "PERCEPTRON");
        parameters.put(TrainingParameters.ITERATIONS_PARAM, 150);
        parameters.put(TrainingParameters.CUTOFF_PARAM, 1);
        // Greedy decoding: twice as fast as the default beam of three, and as accurate on held-out sentence forms.
        parameters.put(opennlp.tools.ml.BeamSearch.BEAM_SIZE_PARAMETER, 1);
        byte[] features;
        try (InputStream in = NameModel.class.getResourceAsStream(FEATURES)) {
            if (in == null) {
                throw new IllegalStateException(FEATURES + " is missing from the classpath");
            }
            features = in.readAllBytes();
        }
        TokenNameFinderFactory factory = new TokenNameFinderFactory(features, java.util.Map.of(), new opennlp.tools.namefind.BioCodec());
        return NameFinderME.train("en", TYPE, ObjectStreamUtils.createObjectStream(samples), parameters, factory);
    }
}
