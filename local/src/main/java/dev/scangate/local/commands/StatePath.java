package dev.scangate.local.commands;

import dev.scangate.local.commands.port.HistoryEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The states an execution went through, in order, with poll loops folded:
 * {@code StageObjects → StartScan → (WaitForScan → CheckScan → ScanFinished) ×4 → CollectFindings}.
 */
final class StatePath {

    private static final int MAX_CYCLE = 4;

    private StatePath() {
    }

    static List<String> states(List<HistoryEvent> oldestFirst) {
        return oldestFirst.stream()
                .filter(e -> e.type() != null && e.type().endsWith("StateEntered") && e.stateName() != null)
                .map(HistoryEvent::stateName)
                .toList();
    }

    static String render(List<String> states) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < states.size()) {
            int bestLength = 1;
            int bestRepeats = 1;
            for (int length = 1; length <= MAX_CYCLE && i + length <= states.size(); length++) {
                int repeats = 1;
                while (i + (repeats + 1) * length <= states.size()
                        && states.subList(i, i + length).equals(
                                states.subList(i + repeats * length, i + (repeats + 1) * length))) {
                    repeats++;
                }
                if (repeats > 1 && repeats * length > bestRepeats * bestLength) {
                    bestLength = length;
                    bestRepeats = repeats;
                }
            }
            List<String> cycle = states.subList(i, i + bestLength);
            if (bestRepeats == 1) {
                parts.add(cycle.get(0));
            } else if (bestLength == 1) {
                parts.add(cycle.get(0) + " ×" + bestRepeats);
            } else {
                parts.add("(" + String.join(" → ", cycle) + ") ×" + bestRepeats);
            }
            i += bestLength * bestRepeats;
        }
        return String.join(" → ", parts);
    }
}
