package dev.scangate.local.macie.scanner.format;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.local.macie.scanner.detect.Location;

/** Builders for Macie's occurrence objects (§2.3). */
final class Locations {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Locations() { }

    static Location line(long line, long startColumn) {
        ObjectNode n = JSON.objectNode();
        n.put("end", line);
        n.put("start", line);
        n.put("startColumn", startColumn);
        return new Location("lineRanges", n);
    }

    static Location cell(String cellReference, long column, String columnName, long row) {
        ObjectNode n = JSON.objectNode();
        if (cellReference == null) {
            n.putNull("cellReference");
        } else {
            n.put("cellReference", cellReference);
        }
        n.put("column", column);
        n.put("columnName", columnName);
        n.put("row", row);
        return new Location("cells", n);
    }

    static Location record(String jsonPath, long recordIndex) {
        ObjectNode n = JSON.objectNode();
        if (jsonPath != null) {
            n.put("jsonPath", jsonPath.length() > 250 ? jsonPath.substring(0, 250) : jsonPath);
        }
        n.put("recordIndex", recordIndex);
        return new Location("records", n);
    }

    static Location page(long pageNumber) {
        ObjectNode n = JSON.objectNode();
        n.put("pageNumber", pageNumber);
        return new Location("pages", n);
    }
}
