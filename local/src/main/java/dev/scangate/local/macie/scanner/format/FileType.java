package dev.scangate.local.macie.scanner.format;

import java.util.Locale;
import java.util.Map;

/** How a file is analysed, chosen by its extension as Macie does (§3.7), with the per-type size limit. */
public enum FileType {
    TEXT("text/plain", 20L << 30),
    CSV("text/csv", 20L << 30),
    TSV("text/tab-separated-values", 20L << 30),
    JSON("application/json", 20L << 30),
    JSONL("application/x-ndjson", 20L << 30),
    PDF("application/pdf", 1024L << 20),
    WORD("application/vnd.openxmlformats-officedocument.wordprocessingml.document", 512L << 20),
    EXCEL("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 512L << 20),
    EMAIL("message/rfc822", 20L << 30),
    GZIP("application/gzip", 8L << 30),
    ZIP("application/zip", 8L << 30),
    TAR("application/x-tar", 20L << 30),
    /** No known extension: analysed as text when the first bytes look like text. */
    UNKNOWN("text/plain", 20L << 30),
    UNSUPPORTED("application/octet-stream", Long.MAX_VALUE);

    private static final Map<String, FileType> BY_EXTENSION = Map.ofEntries(
            Map.entry("txt", TEXT), Map.entry("log", TEXT), Map.entry("xml", TEXT), Map.entry("htm", TEXT),
            Map.entry("html", TEXT), Map.entry("yaml", TEXT), Map.entry("yml", TEXT), Map.entry("md", TEXT),
            Map.entry("properties", TEXT), Map.entry("ini", TEXT), Map.entry("conf", TEXT), Map.entry("cfg", TEXT),
            Map.entry("sql", TEXT), Map.entry("env", TEXT), Map.entry("pem", TEXT), Map.entry("key", TEXT),
            Map.entry("ppk", TEXT), Map.entry("asc", TEXT),
            Map.entry("csv", CSV), Map.entry("tsv", TSV), Map.entry("json", JSON), Map.entry("jsonl", JSONL),
            Map.entry("ndjson", JSONL), Map.entry("pdf", PDF), Map.entry("doc", WORD), Map.entry("docx", WORD),
            Map.entry("xls", EXCEL), Map.entry("xlsx", EXCEL), Map.entry("eml", EMAIL), Map.entry("gz", GZIP),
            Map.entry("gzip", GZIP), Map.entry("tgz", GZIP), Map.entry("zip", ZIP), Map.entry("tar", TAR),
            // Macie analyses Avro and Parquet; this scanner does not, so they are skipped (and held for review).
            Map.entry("avro", UNSUPPORTED), Map.entry("parquet", UNSUPPORTED),
            Map.entry("png", UNSUPPORTED), Map.entry("jpg", UNSUPPORTED), Map.entry("jpeg", UNSUPPORTED),
            Map.entry("gif", UNSUPPORTED), Map.entry("bmp", UNSUPPORTED), Map.entry("tif", UNSUPPORTED),
            Map.entry("tiff", UNSUPPORTED), Map.entry("mp3", UNSUPPORTED), Map.entry("mp4", UNSUPPORTED),
            Map.entry("mov", UNSUPPORTED), Map.entry("avi", UNSUPPORTED), Map.entry("wav", UNSUPPORTED),
            Map.entry("exe", UNSUPPORTED), Map.entry("dll", UNSUPPORTED), Map.entry("so", UNSUPPORTED),
            Map.entry("bin", UNSUPPORTED), Map.entry("class", UNSUPPORTED), Map.entry("jar", UNSUPPORTED),
            Map.entry("7z", UNSUPPORTED), Map.entry("rar", UNSUPPORTED), Map.entry("bz2", UNSUPPORTED),
            Map.entry("xz", UNSUPPORTED), Map.entry("ppt", UNSUPPORTED), Map.entry("pptx", UNSUPPORTED));

    private final String mimeType;
    private final long sizeLimit;

    FileType(String mimeType, long sizeLimit) {
        this.mimeType = mimeType;
        this.sizeLimit = sizeLimit;
    }

    public String mimeType(String extension) {
        return switch (this) {
            case WORD -> "doc".equals(extension) ? "application/msword" : mimeType;
            case EXCEL -> "xls".equals(extension) ? "application/vnd.ms-excel" : mimeType;
            case TEXT -> switch (extension) {
                case "xml" -> "application/xml";
                case "htm", "html" -> "text/html";
                case "yaml", "yml" -> "application/x-yaml";
                default -> mimeType;
            };
            default -> mimeType;
        };
    }

    public long sizeLimit() {
        return sizeLimit;
    }

    /** The extension as Macie reports it: after the last dot of the last path element, lower case, "" if none. */
    public static String extensionOf(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    public static FileType of(String key) {
        return BY_EXTENSION.getOrDefault(extensionOf(key), UNKNOWN);
    }
}
