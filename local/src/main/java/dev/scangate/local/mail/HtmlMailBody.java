package dev.scangate.local.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTML alternative of a plain-text notification: same words, escaped, links clickable. */
final class HtmlMailBody {

    static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

    private HtmlMailBody() {
    }

    static String render(String subject, String text) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(subject)).append("</title></head>\n<body style=\"font-family:sans-serif\">\n");
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            html.append("<p>");
            String[] lines = paragraph.split("\\n");
            for (int i = 0; i < lines.length; i++) {
                html.append(i > 0 ? "<br>\n" : "").append(linkify(lines[i]));
            }
            html.append("</p>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static String linkify(String line) {
        StringBuilder out = new StringBuilder();
        Matcher m = URL.matcher(line);
        int last = 0;
        while (m.find()) {
            out.append(escape(line.substring(last, m.start())));
            String url = escape(m.group());
            out.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
            last = m.end();
        }
        return out.append(escape(line.substring(last))).toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
