package org.rebound.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * XHTML laid out as PDF by openhtmltopdf, with Liberation Sans (which PDFBox ships for font
 * substitution, SIL Open Font License) embedded as {@code 'Rebound Sans'}, so that names in Latin,
 * Greek and Cyrillic scripts print as written.
 */
public final class PdfDocuments {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private PdfDocuments() {
    }

    public static byte[] fromXhtml(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(PdfDocuments::font, "Rebound Sans");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException failed) {
            throw new UncheckedIOException("laying out a document as PDF failed", failed);
        }
        return out.toByteArray();
    }

    private static InputStream font() {
        InputStream font = PdfDocuments.class.getResourceAsStream(FONT);
        if (font == null) {
            throw new IllegalStateException("the document font " + FONT + " is missing from PDFBox");
        }
        return font;
    }
}
