package dev.scangate.lambdas.core.report;

import java.util.List;

public record Counts(int total, int clean, int flagged, int unscanned) {

    public static Counts of(List<ReportObject> objects) {
        int clean = 0;
        int flagged = 0;
        int unscanned = 0;
        for (var object : objects) {
            switch (object.verdict()) {
                case CLEAN -> clean++;
                case FLAGGED -> flagged++;
                case UNSCANNED -> unscanned++;
            }
        }
        return new Counts(objects.size(), clean, flagged, unscanned);
    }
}
