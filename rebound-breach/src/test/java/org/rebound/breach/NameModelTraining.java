package org.rebound.breach;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Trains the name model shipped in the resources on the labelled synthetic sentences of
 * presidio-research: {@code rebound-breach/train-name-model}. The accuracy tests measure models
 * trained on some of the sentence templates against the sentences of the others.
 */
final class NameModelTraining {

    /** How many generated texts ({@link NameSentences}) join the labelled corpus in training. */
    static final int GENERATED = 1_500;

    /** A labelled text: the template it was written from and the character spans of the people in it. */
    record Labelled(String text, int template, List<int[]> people) {
    }

    static List<Labelled> presidio(Path dataset) {
        List<Labelled> labelled = new ArrayList<>();
        for (JsonNode sample : new ObjectMapper().readTree(dataset.toFile())) {
            List<int[]> people = new ArrayList<>();
            for (JsonNode span : sample.get("spans")) {
                if (span.get("entity_type").asString().equals("PERSON")) {
                    people.add(new int[] {span.get("start_position").asInt(), span.get("end_position").asInt()});
                }
            }
            labelled.add(new Labelled(sample.get("full_text").asString(), sample.get("template_id").asInt(), people));
        }
        return labelled;
    }

    static TokenNameFinderModel train(List<Labelled> texts) throws IOException {
        List<NameSample> samples = new ArrayList<>();
        for (Labelled text : texts) {
            samples.addAll(NameModel.samples(text.text(), text.people(), Gazetteer.instance()));
        }
        return NameModel.train(samples);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: NameModelTraining PRESIDIO_DATASET.json MODEL.bin");
            System.exit(2);
        }
        if (!Files.isRegularFile(Path.of(args[0]))) {
            System.err.println(args[0] + ": no such file (the labelled sentences of presidio-research, presidio-synth_dataset_v2.json)");
            System.exit(2);
        }
        List<Labelled> texts = new ArrayList<>(presidio(Path.of(args[0])));
        texts.addAll(NameSentences.generate(GENERATED, 1));
        TokenNameFinderModel model = train(texts);
        try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
            model.serialize(out);
        }
        System.out.println("wrote " + args[1]);
    }

    private NameModelTraining() {
    }
}
