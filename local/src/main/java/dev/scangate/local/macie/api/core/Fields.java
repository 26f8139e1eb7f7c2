package dev.scangate.local.macie.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads request members with Macie's constraints; every error names the member. */
public final class Fields {

    private Fields() {
    }

    public static String text(JsonNode node, String field, String path, boolean required, int maxLength) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw MacieException.validation(path + " is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw MacieException.validation(path + " must be a string");
        }
        var text = value.asText();
        if (required && text.isEmpty()) {
            throw MacieException.validation(path + " must not be empty");
        }
        if (text.length() > maxLength) {
            throw MacieException.validation(path + " must be at most " + maxLength + " characters, got "
                    + text.length());
        }
        return text;
    }

    public static List<String> strings(JsonNode node, String field, String path, int maxItems) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw MacieException.validation(path + " must be a list of strings");
        }
        if (value.size() > maxItems) {
            throw MacieException.validation(path + " may hold at most " + maxItems + " items, got " + value.size());
        }
        var out = new ArrayList<String>();
        for (var item : value) {
            if (!item.isTextual()) {
                throw MacieException.validation(path + " must be a list of strings");
            }
            out.add(item.asText());
        }
        return out;
    }

    public static Integer integer(JsonNode node, String field, String path, int min, int max) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw MacieException.validation(path + " must be an integer");
        }
        int i = value.asInt();
        if (i < min || i > max) {
            throw MacieException.validation(path + " must be between " + min + " and " + max + ", got " + i);
        }
        return i;
    }

    public static Map<String, String> tags(JsonNode node, String path) {
        var value = node.get("tags");
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw MacieException.validation(path + " must be a map of strings");
        }
        if (value.size() > 50) {
            throw MacieException.validation(path + " may hold at most 50 tags, got " + value.size());
        }
        var out = new LinkedHashMap<String, String>();
        value.fields().forEachRemaining(e -> {
            if (e.getKey().isEmpty() || e.getKey().length() > 128) {
                throw MacieException.validation(path + " keys must be 1-128 characters");
            }
            if (!e.getValue().isTextual() || e.getValue().asText().length() > 256) {
                throw MacieException.validation(path + "." + e.getKey() + " must be a string of at most 256 characters");
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }
}
