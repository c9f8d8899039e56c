package org.rebound.model.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.rebound.model.Enterprise;
import org.rebound.model.io.ModelLoad;
import org.rebound.model.io.ModelReader;

/**
 * Albion Motors, the demo enterprise: a fictional car maker with three vehicle plants, an engine
 * plant, a global parts logistics centre, HQ finance, dealers and suppliers, and a ransomware scenario.
 */
public final class DemoEnterprise {

    /** The name the model file is shown under in problems and exports. */
    public static final String SOURCE = "albion-motors.yaml";
    public static final String SCENARIO = "ransomware";

    private DemoEnterprise() {
    }

    /** The model file as shipped. */
    public static String yaml() {
        try (InputStream in = DemoEnterprise.class.getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    public static Enterprise load() {
        ModelLoad load = ModelReader.read(SOURCE, yaml());
        if (load instanceof ModelLoad.Loaded loaded) {
            return loaded.enterprise();
        }
        throw new IllegalStateException("the shipped demo model is invalid: " + load.problems());
    }
}
