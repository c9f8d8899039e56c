package org.rebound.obligations.web;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.fontbox.ttf.GlyphSubstitutionTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.rebound.obligations.application.NoticeDrafts;

/**
 * Lays out approved letters for the post straight with PDFBox (a mail merge prints tens of thousands),
 * one or more A4 pages each: the sender and date at the top, the first line as the title, short lines
 * standing alone as headings (such as California's "What Happened"), lines starting with a dash as a
 * list. Liberation Sans, which PDFBox ships, is embedded (subset), so names in Latin, Greek and Cyrillic
 * scripts print as written; a character the font lacks prints as "?".
 */
public final class PdfLetterPrinter implements NoticeDrafts.LetterPrinter {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(ZoneOffset.UTC);
    private static final float MARGIN = 64;
    private static final float TEXT = 10.5f;
    private static final float HEADING = 12f;
    private static final float TITLE = 15f;
    private static final float SENDER = 9f;

    private final Clock clock;

    public PdfLetterPrinter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public byte[] print(String sender, String title, List<String> letters) {
        try (PDDocument document = new PDDocument(); InputStream fontFile = font()) {
            TrueTypeFont face = new TTFParser().parse(new RandomAccessReadBuffer(fontFile));
            // PDFBox applies the font's glyph substitutions (ligatures) to every line it shows, compiling
            // regular expressions each time: that made a letter take 25 ms. Letters need no ligatures.
            face.getTableMap().remove(GlyphSubstitutionTable.TAG);
            PDType0Font font = PDType0Font.load(document, face, true);
            Layout layout = new Layout(document, font);
            String date = DATE.format(clock.instant());
            for (String letter : letters) {
                layout.newPage();
                layout.line(sender, SENDER, 0, Color.DARK_GRAY);
                layout.line(date, SENDER, 0, Color.DARK_GRAY);
                layout.space(28);
                body(layout, letter);
                layout.finish();
            }
            if (letters.isEmpty()) {
                layout.newPage();
                layout.paragraph("No letters: everyone in the register was reached by e-mail or lives outside the letter's region.",
                        TEXT, 0);
                layout.finish();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException failed) {
            throw new UncheckedIOException("printing the letters failed", failed);
        }
    }

    private static void body(Layout layout, String letter) throws IOException {
        String[] lines = letter.strip().split("\\R");
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            boolean standsAlone = i + 1 < lines.length && !lines[i + 1].isBlank();
            if (first) {
                layout.paragraph(line, TITLE, 0);
                layout.space(10);
                first = false;
            } else if (line.startsWith("- ")) {
                layout.paragraph("– " + line.substring(2), TEXT, 12);
            } else if (line.length() < 60 && standsAlone && !line.matches(".*[.,:;!?]$") && !line.startsWith("Dear ")) {
                layout.space(8);
                layout.paragraph(line, HEADING, 0);
            } else {
                layout.paragraph(line, TEXT, 0);
                layout.space(5);
            }
        }
    }

    private static InputStream font() {
        InputStream font = PdfLetterPrinter.class.getResourceAsStream(FONT);
        if (font == null) {
            throw new IllegalStateException("the letter font " + FONT + " is missing from PDFBox");
        }
        return font;
    }

    /** Text placed line by line down A4 pages, wrapped at the margins, a new page when one is full. */
    private static final class Layout {
        private final PDDocument document;
        private final PDType0Font font;
        private final Map<Integer, Boolean> printable = new HashMap<>();
        private PDPageContentStream page;
        private float y;

        Layout(PDDocument document, PDType0Font font) {
            this.document = document;
            this.font = font;
        }

        void newPage() throws IOException {
            finish();
            PDPage sheet = new PDPage(PDRectangle.A4);
            document.addPage(sheet);
            page = new PDPageContentStream(document, sheet);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void finish() throws IOException {
            if (page != null) {
                page.close();
                page = null;
            }
        }

        void space(float points) {
            y -= points;
        }

        void paragraph(String text, float size, float indent) throws IOException {
            for (String line : wrap(printable(text), size, PDRectangle.A4.getWidth() - 2 * MARGIN - indent)) {
                line(line, size, indent, Color.BLACK);
            }
        }

        void line(String text, float size, float indent, Color colour) throws IOException {
            float leading = size * 1.35f;
            if (y - leading < MARGIN) {
                newPage();
            }
            y -= leading;
            page.beginText();
            page.setNonStrokingColor(colour);
            page.setFont(font, size);
            page.newLineAtOffset(MARGIN + indent, y);
            page.showText(printable(text));
            page.endText();
        }

        private List<String> wrap(String text, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (!current.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                    lines.add(current.toString());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            lines.add(current.toString());
            return lines;
        }

        /** The text with each character the font cannot show replaced by "?". */
        private String printable(String text) {
            StringBuilder shown = new StringBuilder(text.length());
            text.codePoints().forEach(codePoint -> shown.appendCodePoint(printable.computeIfAbsent(codePoint, this::hasGlyph) ? codePoint : '?'));
            return shown.toString();
        }

        private boolean hasGlyph(int codePoint) {
            try {
                font.encode(new String(Character.toChars(codePoint)));
                return true;
            } catch (IllegalArgumentException | IOException missing) {
                return false;
            }
        }
    }
}
