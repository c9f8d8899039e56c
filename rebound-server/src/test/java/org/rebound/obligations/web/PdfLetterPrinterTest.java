package org.rebound.obligations.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfLetterPrinterTest {

    private final PdfLetterPrinter printer = new PdfLetterPrinter(Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC));

    private static String letter(String name) {
        return "Notice of Data Breach\n\nDear " + name + ",\n\nWhat Happened\nOn 2 September 2025 we learned that an unauthorised"
                + " party had gained access to our systems. " + "The investigation continues. ".repeat(12)
                + "\n\nWhat We Are Doing\n- Reset every password\n- Engaged forensic experts\n";
    }

    @Test
    void eachLetterStartsOnItsOwnPageWithTheSenderTheDateAndTheNameAsWritten() throws IOException {
        byte[] pdf = printer.print("Albion Motors", "Notice of Data Breach",
                List.of(letter("Łukasz Żółć"), letter("Ελένη Παπαδοπούλου"), letter("Иван Петров")));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String second = stripper.getText(document);
            assertThat(second).contains("Albion Motors", "30 November 2026", "Notice of Data Breach", "Dear Ελένη Παπαδοπούλου,",
                    "What We Are Doing", "– Reset every password").doesNotContain("Łukasz");
            assertThat(new PDFTextStripper().getText(document)).contains("Dear Łukasz Żółć,", "Dear Иван Петров,");
        }
    }

    @Test
    void aCharacterTheFontLacksPrintsAsAQuestionMarkRatherThanFailingTheBatch() throws IOException {
        byte[] pdf = printer.print("Albion Motors", "Notice", List.of(letter("山田 太郎")));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Dear ?? ??,");
        }
    }

    @Test
    void aLongLetterRunsOntoAFurtherPage() throws IOException {
        String longLetter = letter("Grace Adeyemi") + ("A further paragraph of what we found and what we are doing about it. ".repeat(8) + "\n\n").repeat(12);

        try (PDDocument document = Loader.loadPDF(printer.print("Albion Motors", "Notice", List.of(longLetter)))) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
        }
    }
}
