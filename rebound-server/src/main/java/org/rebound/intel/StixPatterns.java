package org.rebound.intel;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.rebound.intel.pattern.STIXPatternLexer;
import org.rebound.intel.pattern.STIXPatternParser;

/** Checks STIX patterns against the patterning grammar of STIX 2.1 (OASIS's ANTLR grammar). */
public final class StixPatterns {

    private StixPatterns() {
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
