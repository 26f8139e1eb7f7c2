package dev.scangate.it.support;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A mailed review link {@code http://host:port/approvals/<id>?exp=..&sig=..}, taken apart. */
public record ApprovalLink(URI reviewPage, String approvalId, String query) {

    private static final Pattern SHAPE = Pattern.compile("(http://[^/]+)/approvals/([^/?]+)\\?(.+)");

    public static ApprovalLink parse(String url) {
        Matcher m = SHAPE.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a review link: " + url);
        }
        return new ApprovalLink(URI.create(url), m.group(2), m.group(3));
    }

    public URI decisionUri() {
        String base = reviewPage.toString();
        return URI.create(base.substring(0, base.indexOf('?')) + "/decision?" + query);
    }

    public URI jsonUri() {
        String base = reviewPage.toString();
        return URI.create(base.substring(0, base.indexOf('?')) + ".json?" + query);
    }
}
