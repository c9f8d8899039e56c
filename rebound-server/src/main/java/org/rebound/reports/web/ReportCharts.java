package org.rebound.reports.web;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Millisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.rebound.impact.application.ImpactHistory;
import org.rebound.impact.application.SeriesPoint;

/**
 * The charts of a report as PNG data URIs, drawn with JFreeChart at twice the printed size so that
 * they stay sharp in the PDF. Times are UTC, like every time in Rebound's reports.
 */
final class ReportCharts {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final Color DOWN = new Color(0xB3, 0x26, 0x1E);
    private static final Color DEGRADED = new Color(0xC7, 0x7C, 0x02);
    private static final Color LOSS = new Color(0x1F, 0x4E, 0x79);
    private static final Font LABELS = new Font(Font.SANS_SERIF, Font.PLAIN, 22);

    private ReportCharts() {
    }

    /** Cumulative loss (line, left axis) and loss rate (steps, right axis) since the start. */
    static String lossCurve(ImpactHistory history, int width, int height) {
        TimeSeries cumulative = new TimeSeries("Loss since the start (" + history.currency() + ")");
        TimeSeries rate = new TimeSeries("Loss rate (" + history.currency() + "/h)");
        for (SeriesPoint point : history.series()) {
            Millisecond at = new Millisecond(Date.from(point.at()), UTC, Locale.UK);
            cumulative.addOrUpdate(at, point.cumulativeLoss());
            rate.addOrUpdate(at, point.lossPerHour());
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(null, "UTC", history.currency(),
                new TimeSeriesCollection(cumulative), true, false, false);
        XYPlot plot = chart.getXYPlot();
        ((DateAxis) plot.getDomainAxis()).setTimeZone(UTC);
        NumberAxis rateAxis = new NumberAxis(history.currency() + "/h");
        plot.setRangeAxis(1, rateAxis);
        plot.setDataset(1, new TimeSeriesCollection(rate));
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer lossLine = new XYLineAndShapeRenderer(true, false);
        lossLine.setSeriesPaint(0, LOSS);
        lossLine.setSeriesStroke(0, new BasicStroke(4f));
        plot.setRenderer(0, lossLine);
        XYStepRenderer rateSteps = new XYStepRenderer();
        rateSteps.setSeriesPaint(0, DOWN);
        rateSteps.setSeriesStroke(0, new BasicStroke(3f));
        plot.setRenderer(1, rateSteps);
        style(chart);
        styleAxes(plot.getDomainAxis(), plot.getRangeAxis(0), rateAxis);
        return png(chart, width, height);
    }

    /** Per UTC day, the most processes down and the most degraded at any hour (side by side: the peaks may differ in time). */
    static String processesPerDay(ImpactHistory history, int width, int height) {
        DefaultCategoryDataset days = new DefaultCategoryDataset();
        for (ImpactHistory.DayCount day : history.days()) {
            String label = day.day().toString().substring(5);
            days.addValue(day.down(), "Down", label);
            days.addValue(day.degraded(), "Degraded", label);
        }
        JFreeChart chart = ChartFactory.createBarChart(null, "Day (UTC)", "Processes", days);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, DOWN);
        bars.setSeriesPaint(1, DEGRADED);
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        style(chart);
        styleAxes(plot.getDomainAxis(), plot.getRangeAxis());
        return png(chart, width, height);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(LABELS);
        }
    }

    private static void styleAxes(org.jfree.chart.axis.Axis... axes) {
        for (org.jfree.chart.axis.Axis axis : axes) {
            axis.setLabelFont(LABELS);
            axis.setTickLabelFont(LABELS);
        }
    }

    private static String png(JFreeChart chart, int width, int height) {
        try {
            byte[] image = ChartUtils.encodeAsPNG(chart.createBufferedImage(width, height));
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(image);
        } catch (IOException impossible) {
            throw new UncheckedIOException("encoding a chart in memory failed", impossible);
        }
    }
}
