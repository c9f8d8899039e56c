package org.rebound.reports.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.rebound.reports.IncidentReports;
import org.rebound.reports.ReportContent;
import org.rebound.web.Formats;
import org.rebound.web.PdfDocuments;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders reports from the {@code report-post-incident} and {@code report-executive} templates: the
 * HTML is a self-contained document (styles inline, charts as data URIs) that can be saved and sent,
 * and the PDF is the same document laid out by {@link PdfDocuments}.
 */
public final class TemplateReportRenderer implements IncidentReports.Renderer {

    private final ITemplateEngine templates;
    private final Formats formats;

    public TemplateReportRenderer(ITemplateEngine templates, Clock clock) {
        this.templates = templates;
        this.formats = Formats.of(clock);
    }

    @Override
    public byte[] render(ReportContent content, IncidentReports.Kind kind, IncidentReports.Format format) {
        String html = html(content, kind);
        return format == IncidentReports.Format.HTML ? html.getBytes(StandardCharsets.UTF_8) : PdfDocuments.fromXhtml(html);
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
}
