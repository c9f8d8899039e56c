package org.rebound.json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.rebound.model.Coded;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Rebound's JSON conventions: snake_case field names (as in the model file), ISO-8601 instants,
 * enumerations such as states written as their lower-case ids ({@code compromised}, {@code down}),
 * and numbers as plain decimals.
 */
public final class Json {

    private static final JsonMapper PRINTER = conventions(JsonMapper.builder())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Json() {
    }

    /** Applies the conventions to a mapper under construction (the server's, or the CLI's). */
    public static JsonMapper.Builder conventions(JsonMapper.Builder builder) {
        return builder
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(codedIds());
    }

    /** Writes {@code value} as indented JSON, for the command line. */
    public static String write(Object value) {
        return PRINTER.writeValueAsString(value);
    }

    private static JacksonModule codedIds() {
        SimpleModule module = new SimpleModule("rebound-conventions");
        module.addSerializer(Coded.class, new StdSerializer<>(Coded.class) {
            @Override
            public void serialize(Coded value, JsonGenerator generator, SerializationContext context) {
                generator.writeString(value.id());
            }
        });
        module.addSerializer(Double.class, new StdSerializer<>(Double.class) {
            @Override
            public void serialize(Double value, JsonGenerator generator, SerializationContext context) {
                generator.writeNumber(plain(value));
            }
        });
        module.addSerializer(double.class, new StdSerializer<>(double.class) {
            @Override
            public void serialize(Double value, JsonGenerator generator, SerializationContext context) {
                generator.writeNumber(plain(value));
            }
        });
        return module;
    }

    /** Amounts as plain decimals with at most six decimal places: {@code 53232400}, not {@code 5.32324E7}. */
    private static String plain(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot write " + value + " as JSON");
        }
        BigDecimal decimal = BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
    }
}
