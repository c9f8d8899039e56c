package org.rebound.intel;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.tree.ParseTreeWalker;
import org.rebound.intel.pattern.STIXPatternBaseListener;
import org.rebound.intel.pattern.STIXPatternLexer;
import org.rebound.intel.pattern.STIXPatternParser;

/** Checks STIX patterns against the patterning grammar of STIX 2.1 (OASIS's ANTLR grammar). */
public final class StixPatterns {

    private StixPatterns() {
    }

    /** A comparison {@code [type:path = 'value']} in a pattern, its path written without quotes: {@code file:hashes.SHA-256}. */
    public record Equality(String path, String value) {
    }

    /**
     * The string equalities a pattern tests, wherever they are in it (so {@code [a] OR [b]} gives
     * both); negated tests and other operators are not equalities. The pattern must parse.
     */
    public static List<Equality> equalities(String pattern) {
        STIXPatternParser parser = new STIXPatternParser(new CommonTokenStream(new STIXPatternLexer(CharStreams.fromString(pattern))));
        parser.removeErrorListeners();
        List<Equality> found = new ArrayList<>();
        ParseTreeWalker.DEFAULT.walk(new STIXPatternBaseListener() {
            @Override
            public void enterPropTestEqual(STIXPatternParser.PropTestEqualContext test) {
                if (test.NOT() == null && test.EQ() != null && test.primitiveLiteral().orderableLiteral() != null
                        && test.primitiveLiteral().orderableLiteral().StringLiteral() != null) {
                    found.add(new Equality(path(test.objectPath()), unquote(test.primitiveLiteral().orderableLiteral().StringLiteral().getText())));
                }
            }
        }, parser.pattern());
        return found;
    }

    private static String path(STIXPatternParser.ObjectPathContext path) {
        StringBuilder text = new StringBuilder(path.objectType().getText()).append(':').append(unquote(path.firstPathComponent().getText()));
        if (path.objectPathComponent() != null) {
            for (String step : path.objectPathComponent().getText().split("\\.(?=(?:[^']*'[^']*')*[^']*$)")) {
                if (!step.isEmpty()) {
                    text.append('.').append(unquote(step));
                }
            }
        }
        return text.toString();
    }

    private static String unquote(String literal) {
        if (literal.length() >= 2 && literal.startsWith("'") && literal.endsWith("'")) {
            return literal.substring(1, literal.length() - 1).replace("\\'", "'").replace("\\\\", "\\");
        }
        return literal;
    }

    /** The syntax errors in {@code pattern}, each with its column; empty when it parses. */
    public static List<String> syntaxErrors(String pattern) {
        List<String> errors = new ArrayList<>();
        BaseErrorListener collector = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column, String message,
                                    RecognitionException cause) {
                errors.add("column " + (column + 1) + ": " + message);
            }
        };
        STIXPatternLexer lexer = new STIXPatternLexer(CharStreams.fromString(pattern));
        lexer.removeErrorListeners();
        lexer.addErrorListener(collector);
        STIXPatternParser parser = new STIXPatternParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(collector);
        parser.pattern();
        return errors;
    }
}
