package org.rebound.obligations.web;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.rebound.obligations.application.NoticeDrafts;
import org.rebound.web.PdfDocuments;
import org.springframework.web.util.HtmlUtils;

/**
 * Lays out approved letters for the post, one or more A4 pages each: the sender and date at the top,
 * the first line as the title, short lines standing alone as headings (such as California's "What
 * Happened"), lines starting with a dash as a list.
 */
public final class PdfLetterPrinter implements NoticeDrafts.LetterPrinter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(ZoneOffset.UTC);
    private static final String STYLE = """
            @page { size: A4; margin: 25mm 22mm; }
            body { font-family: 'Rebound Sans', sans-serif; font-size: 10.5pt; line-height: 1.4; color: #111; }
            .letter { page-break-after: always; }
            .sender { font-size: 9pt; color: #444; margin-bottom: 12mm; }
            h1 { font-size: 15pt; margin: 0 0 6mm 0; }
            h2 { font-size: 11pt; margin: 5mm 0 1mm 0; }
            p { margin: 0 0 2.5mm 0; }
            p.item { margin: 0 0 1mm 5mm; }
            """;

    private final Clock clock;

    public PdfLetterPrinter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public byte[] print(String sender, String title, List<String> letters) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/><title>")
                .append(escape(title)).append("</title><style>").append(STYLE).append("</style></head><body>");
        String date = DATE.format(clock.instant());
        for (String letter : letters) {
            html.append("<div class=\"letter\"><div class=\"sender\">").append(escape(sender)).append("<br/>").append(date).append("</div>");
            appendBody(html, letter);
            html.append("</div>");
        }
        if (letters.isEmpty()) {
            html.append("<p>No letters: everyone in the register was reached by e-mail or lives outside the letter's region.</p>");
        }
        return PdfDocuments.fromXhtml(html.append("</body></html>").toString());
    }

    private static void appendBody(StringBuilder html, String letter) {
        String[] lines = letter.strip().split("\\R");
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            boolean standsAlone = i + 1 < lines.length && !lines[i + 1].isBlank();
            if (first) {
                html.append("<h1>").append(escape(line)).append("</h1>");
                first = false;
            } else if (line.startsWith("- ")) {
                html.append("<p class=\"item\">– ").append(escape(line.substring(2))).append("</p>");
            } else if (line.length() < 60 && standsAlone && !line.matches(".*[.,:;!?]$") && !line.startsWith("Dear ")) {
                html.append("<h2>").append(escape(line)).append("</h2>");
            } else {
                html.append("<p>").append(escape(line)).append("</p>");
            }
        }
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
