package dev.scangate.local.macie.scanner.format;

import dev.scangate.local.macie.scanner.detect.Location;
import dev.scangate.local.macie.scanner.detect.Locator;
import dev.scangate.local.macie.scanner.detect.SegmentContext;
import dev.scangate.local.macie.scanner.detect.SegmentScanner;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/**
 * Excel (xls, xlsx) with POI: each cell is a segment located by a cell ({@code cellReference} like
 * {@code Sheet2!C5}); the first row of a sheet names its columns and counts as keywords. POI holds
 * the workbook in memory, which Macie's 512 MB limit for Excel keeps bounded.
 */
final class SpreadsheetFormat {

    private SpreadsheetFormat() { }

    static void scan(InputStream in, SegmentScanner scanner) throws IOException {
        Workbook workbook;
        try {
            workbook = WorkbookFactory.create(in);
        } catch (EncryptedDocumentException e) {
            throw new MalformedContentException("UNABLE_TO_PARSE_FILE", "the workbook is password-protected", e);
        } catch (IOException | RuntimeException e) {
            throw new MalformedContentException("UNABLE_TO_PARSE_FILE", "not a readable Excel workbook: "
                    + e.getClass().getSimpleName(), e);
        }
        try (workbook) {
            DataFormatter formatter = new DataFormatter();
            CellLocator locator = new CellLocator();
            for (Sheet sheet : workbook) {
                List<String> names = new ArrayList<>();
                List<SegmentContext> contexts = new ArrayList<>();
                boolean first = true;
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String value = formatter.formatCellValue(cell);
                        int col = cell.getColumnIndex();
                        if (first) {
                            while (names.size() <= col) {
                                names.add("");
                                contexts.add(SegmentContext.NONE);
                            }
                            names.set(col, value);
                            contexts.set(col, SegmentContext.of(value));
                        }
                        if (value.isEmpty()) {
                            continue;
                        }
                        locator.sheet = sheet.getSheetName();
                        locator.column = col;
                        locator.row = row.getRowNum();
                        locator.columnName = col < names.size() ? names.get(col) : "";
                        char[] chars = value.toCharArray();
                        SegmentContext ctx = !first && col < contexts.size() ? contexts.get(col) : SegmentContext.NONE;
                        scanner.scan(chars, 0, chars.length, ctx, locator);
                    }
                    first = false;
                }
            }
        } catch (RuntimeException e) {
            throw new MalformedContentException("UNABLE_TO_PARSE_FILE", "cannot read workbook cells", e);
        }
    }

    private static final class CellLocator implements Locator {
        String sheet;
        int column;
        int row;
        String columnName;

        @Override
        public Location locate(int offsetInSegment) {
            String ref = sheet + "!" + CellReference.convertNumToColString(column) + (row + 1);
            return Locations.cell(ref, column + 1L, columnName, row + 1L);
        }
    }
}
