package org.rebound.breach;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/** Excel workbooks (.xlsx), streamed sheet by sheet; each sheet is a data set with a header row. */
final class XlsxReader {

    private final InputReader.Extractors extractors;

    XlsxReader(InputReader.Extractors extractors) {
        this.extractors = extractors;
    }

    void read(String name, InputStream in) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(in, new ReadingOptions(true, false))) {
            Iterator<Sheet> sheets = workbook.getSheets().iterator();
            while (sheets.hasNext()) {
                Sheet sheet = sheets.next();
                DatasetExtractor extractor = extractors.of(name + "#" + sheet.getName());
                try (Stream<Row> rows = sheet.openStream()) {
                    Iterator<Row> iterator = rows.iterator();
                    String[] header = null;
                    while (iterator.hasNext()) {
                        Row row = iterator.next();
                        String[] values = new String[row.getCellCount()];
                        for (int i = 0; i < values.length; i++) {
                            values[i] = text(row.getCell(i));
                        }
                        if (header == null) {
                            header = values;
                        } else {
                            extractor.row(row.getRowNum(), header, values);
                        }
                    }
                }
            }
        } catch (IllegalStateException | IllegalArgumentException damaged) {
            throw new IOException("not a readable .xlsx workbook: " + damaged.getMessage(), damaged);
        }
        extractors.finish();
    }

    /** The cell as people see it; dates (numbers with a date format) as ISO dates. */
    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER && isDateFormat(cell.getDataFormatString())) {
            return cell.asDate().toLocalDate().toString();
        }
        return cell.getText();
    }

    private static boolean isDateFormat(String format) {
        if (format == null) {
            return false;
        }
        String lower = format.toLowerCase(Locale.ROOT).replaceAll("\"[^\"]*\"|\\[[^]]*]", "");
        return lower.contains("d") && lower.contains("y") || lower.contains("m") && lower.contains("y");
    }
}
