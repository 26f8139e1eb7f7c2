package dev.scangate.statemachine.engine.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.statemachine.engine.Json;
import dev.scangate.statemachine.engine.StatesError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parses a Distributed Map ItemReader object (JSON, JSONL or CSV) into items, per its ReaderConfig. */
final class ItemFormats {

    private static final Map<String, Character> DELIMITERS = Map.of("COMMA", ',', "PIPE", '|', "SEMICOLON", ';',
            "TAB", '\t', "SPACE", ' ');

    private ItemFormats() {
    }

    static JsonNode parse(String text, JsonNode config) {
        String type = config.path("InputType").asText("JSON");
        try {
            return switch (type) {
                case "JSON" -> {
                    JsonNode n = Json.parse(text);
                    if (!n.isArray()) {
                        throw fail("a JSON item file must hold an array");
                    }
                    yield n;
                }
                case "JSONL" -> {
                    ArrayNode out = Json.MAPPER.createArrayNode();
                    for (String line : text.split("\\r?\\n")) {
                        if (!line.isBlank()) {
                            out.add(Json.parse(line));
                        }
                    }
                    yield out;
                }
                case "CSV" -> csv(text, config);
                default -> throw fail("ReaderConfig.InputType " + type + " is not supported locally");
            };
        } catch (IllegalArgumentException e) {
            throw fail("cannot read the items as " + type + ": " + e.getMessage());
        }
    }

    private static JsonNode csv(String text, JsonNode config) {
        char delimiter = DELIMITERS.getOrDefault(config.path("CSVDelimiter").asText("COMMA"), ',');
        List<List<String>> rows = rows(text, delimiter);
        List<String> headers = new ArrayList<>();
        if ("GIVEN".equals(config.path("CSVHeaderLocation").asText("FIRST_ROW"))) {
            config.path("CSVHeaders").forEach(h -> headers.add(h.asText()));
        } else if (!rows.isEmpty()) {
            headers.addAll(rows.remove(0));
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (List<String> row : rows) {
            ObjectNode item = out.addObject();
            for (int i = 0; i < headers.size(); i++) {
                item.put(headers.get(i), i < row.size() ? row.get(i) : "");
            }
        }
        return out;
    }

    /** RFC 4180 rows: quoted fields may hold delimiters, quotes ("") and line breaks. */
    private static List<List<String>> rows(String text, char delimiter) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    private static StatesError fail(String message) {
        return new StatesError("States.ItemReaderFailed", message);
    }
}
