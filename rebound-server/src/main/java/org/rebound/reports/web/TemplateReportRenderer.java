package org.rebound.reports.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.rebound.reports.IncidentReports;
import org.rebound.reports.ReportContent;
import org.rebound.web.Formats;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders reports from the {@code report-post-incident} and {@code report-executive} templates: the
 * HTML is a self-contained document (styles inline, charts as data URIs) that can be saved and sent,
 * and the PDF is the same document laid out by openhtmltopdf with an embedded Unicode font, so names
 * in any Latin, Greek or Cyrillic script print as written.
 */
public final class TemplateReportRenderer implements IncidentReports.Renderer {

    /** Liberation Sans, which PDFBox ships for font substitution (SIL Open Font License). */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final ITemplateEngine templates;
    private final Formats formats;

    public TemplateReportRenderer(ITemplateEngine templates, Clock clock) {
        this.templates = templates;
        this.formats = Formats.of(clock);
    }

    @Override
    public byte[] render(ReportContent content, IncidentReports.Kind kind, IncidentReports.Format format) {
        String html = html(content, kind);
        return format == IncidentReports.Format.HTML ? html.getBytes(StandardCharsets.UTF_8) : pdf(html);
    }

    private String html(ReportContent content, IncidentReports.Kind kind) {
        Context context = new Context(Locale.UK);
        context.setVariable("r", content);
        context.setVariable("fmt", formats);
        Map<String, String> charts = new HashMap<>();
        if (content.impact() != null) {
            boolean executive = kind == IncidentReports.Kind.EXECUTIVE;
            charts.put("loss", ReportCharts.lossCurve(content.impact(), 1600, executive ? 520 : 700));
            if (!executive) {
                charts.put("days", ReportCharts.processesPerDay(content.impact(), 1600, 600));
            }
        }
        context.setVariable("charts", charts);
        return templates.process(kind == IncidentReports.Kind.EXECUTIVE ? "report-executive" : "report-post-incident", context);
    }

    private static byte[] pdf(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font(), "Rebound Sans");
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException failed) {
            throw new UncheckedIOException("laying out the report as PDF failed", failed);
        }
        return out.toByteArray();
    }

    private static InputStream font() {
        InputStream font = TemplateReportRenderer.class.getResourceAsStream(FONT);
        if (font == null) {
            throw new IllegalStateException("the report font " + FONT + " is missing from PDFBox");
        }
        return font;
    }
}
