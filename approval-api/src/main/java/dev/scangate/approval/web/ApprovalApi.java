package dev.scangate.approval.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.approval.core.ApproverNotAllowedException;
import dev.scangate.approval.core.DecideApproval;
import dev.scangate.approval.core.DecisionNotDeliveredException;
import dev.scangate.approval.core.InvalidDecisionException;
import dev.scangate.lambdas.core.approval.ApprovalConflictException;
import dev.scangate.lambdas.core.approval.ApprovalIds;
import dev.scangate.lambdas.core.approval.ApprovalNotFoundException;
import dev.scangate.lambdas.core.approval.ApprovalObject;
import dev.scangate.lambdas.core.approval.ApprovalRecord;
import dev.scangate.lambdas.core.approval.ApprovalStatus;
import dev.scangate.lambdas.core.approval.ApprovalStore;
import dev.scangate.lambdas.core.approval.ApprovalStoreException;
import dev.scangate.lambdas.core.approval.DecisionAction;
import dev.scangate.lambdas.core.approval.LinkSigner;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The approval API, independent of how requests arrive (API Gateway or the local web server).
 * GET never decides. Every approval route checks the link's signature and expiry before anything
 * is looked up; a decision is a POST with a CSRF token (form) or a JSON body, recorded once.
 */
public final class ApprovalApi {

    /** Larger bodies are refused before they are parsed. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalApi.class);
    private static final Pattern DECISION = Pattern.compile("^(?:.*)?/approvals/([^/]+)/decision/?$");
    private static final Pattern JSON_VIEW = Pattern.compile("^(?:.*)?/approvals/([^/]+)\\.json$");
    private static final Pattern REVIEW = Pattern.compile("^(?:.*)?/approvals/([^/]+)/?$");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"',;]{1,64}@[^@\\s<>\"',;]{1,255}");
    private static final Pattern INDEX_FIELD = Pattern.compile("d\\.(\\d{1,9})");

    private final LinkSigner signer;
    private final ApprovalStore store;
    private final DecideApproval decide;
    private final String approverHeader;
    private final Clock clock;

    /** {@code approverHeader}: header set by an authorizer naming the approver, or null to ask on the form. */
    public ApprovalApi(LinkSigner signer, ApprovalStore store, DecideApproval decide, String approverHeader, Clock clock) {
        this.signer = signer;
        this.store = store;
        this.decide = decide;
        this.approverHeader = approverHeader == null || approverHeader.isBlank() ? null
                : approverHeader.trim().toLowerCase(Locale.ROOT);
        this.clock = clock;
    }

    public HttpResponse handle(HttpRequest request) {
        String path = request.path();
        try {
            if (path.equals("/health") || path.endsWith("/health")) {
                return onlyMethods(request, "GET", "HEAD").orElseGet(
                        () -> Responses.json(200, Responses.JSON.createObjectNode().put("status", "ok")));
            }
            Matcher decision = DECISION.matcher(path);
            if (decision.matches()) {
                return onlyMethods(request, "POST").orElseGet(() -> postDecision(request, decision.group(1)));
            }
            Matcher jsonView = JSON_VIEW.matcher(path);
            if (jsonView.matches()) {
                return onlyMethods(request, "GET", "HEAD").orElseGet(() -> view(request, jsonView.group(1), true));
            }
            Matcher review = REVIEW.matcher(path);
            if (review.matches()) {
                return onlyMethods(request, "GET", "HEAD").orElseGet(() -> view(request, review.group(1), false));
            }
            return Responses.error(ApiError.NOT_FOUND, "There is no page here.", false, null);
        } catch (RuntimeException e) {
            LOG.error("approval API failed on {} {}", request.method(), routeName(path), e);
            return Responses.error(ApiError.INTERNAL, "The request could not be completed. Please try again later.",
                    path.endsWith(".json") || request.mediaType().equals("application/json"), null);
        } finally {
            MDC.remove("runId");
        }
    }

    private HttpResponse view(HttpRequest request, String approvalId, boolean asJson) {
        Map<String, String> query;
        try {
            query = FormData.parse(request.rawQuery());
        } catch (IllegalArgumentException e) {
            return Responses.error(ApiError.BAD_SIGNATURE, "This link is damaged: " + e.getMessage() + ".", asJson, null);
        }
        Optional<HttpResponse> refused = checkLink(approvalId, query, asJson, null);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<ApprovalRecord> found = load(approvalId);
        if (found.isEmpty()) {
            return notFound(asJson, null);
        }
        ApprovalRecord record = found.get();
        if (asJson) {
            return Responses.json(200, toJson(record));
        }
        return switch (effectiveStatus(record)) {
            case DECIDED -> Responses.html(409, Pages.alreadyDecided(record));
            case EXPIRED -> Responses.html(410, Pages.expired(record));
            case PENDING -> {
                long exp = Long.parseLong(query.get("exp"));
                var link = new dev.scangate.lambdas.core.approval.ApprovalLink(approvalId, exp, query.get("sig"));
                String approver = approverFromHeader(request);
                yield Responses.html(200, Pages.review(record, link, signer.csrfToken(approvalId, exp), approver));
            }
        };
    }

    private HttpResponse postDecision(HttpRequest request, String approvalId) {
        String media = request.mediaType();
        boolean asJson = media.equals("application/json");
        if (request.body().length() > MAX_BODY_BYTES) {
            return Responses.error(ApiError.PAYLOAD_TOO_LARGE, "The request body is larger than "
                    + MAX_BODY_BYTES + " bytes.", asJson, null);
        }
        Map<String, String> query;
        try {
            query = FormData.parse(request.rawQuery());
        } catch (IllegalArgumentException e) {
            return Responses.error(ApiError.BAD_SIGNATURE, "This link is damaged: " + e.getMessage() + ".", asJson, null);
        }
        String back = "../" + approvalId + "?" + request.rawQuery();
        if (crossSite(request)) {
            return Responses.error(ApiError.FORBIDDEN, "Decisions can only be submitted from the review page.", asJson,
                    null);
        }
        Optional<HttpResponse> refused = checkLink(approvalId, query, asJson, null);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!asJson && !media.equals("application/x-www-form-urlencoded")) {
            return Responses.error(ApiError.UNSUPPORTED_MEDIA_TYPE,
                    "Send the review form (application/x-www-form-urlencoded) or JSON (application/json).", false, back);
        }
        Optional<ApprovalRecord> found = load(approvalId);
        if (found.isEmpty()) {
            return notFound(asJson, null);
        }
        ApprovalRecord record = found.get();
        switch (effectiveStatus(record)) {
            case DECIDED -> {
                return asJson ? Responses.error(ApiError.ALREADY_DECIDED, alreadyDecidedMessage(record), true, null)
                        : Responses.html(409, Pages.alreadyDecided(record));
            }
            case EXPIRED -> {
                return asJson ? Responses.error(ApiError.APPROVAL_EXPIRED, expiredMessage(record), true, null)
                        : Responses.html(410, Pages.expired(record));
            }
            default -> {
                // PENDING: go on.
            }
        }
        Submission submission;
        try {
            submission = asJson ? fromJson(request) : fromForm(request, record, Long.parseLong(query.get("exp")));
        } catch (CsrfException e) {
            return Responses.error(ApiError.FORBIDDEN, e.getMessage(), asJson, back);
        } catch (IllegalArgumentException e) {
            return Responses.error(ApiError.INVALID_REQUEST, e.getMessage(), asJson, back);
        }
        try {
            ApprovalRecord after = decide.decide(approvalId, submission.decisions(), submission.approver());
            LOG.info("approval {} {} by {}", approvalId, after.status(), submission.approver());
            if (after.status() == ApprovalStatus.EXPIRED) {
                return asJson ? Responses.error(ApiError.APPROVAL_EXPIRED, expiredMessage(after), true, null)
                        : Responses.html(410, Pages.expired(after));
            }
            return asJson ? Responses.json(200, toJson(after)) : Responses.html(200, Pages.confirmation(after));
        } catch (InvalidDecisionException e) {
            return Responses.error(ApiError.INVALID_REQUEST, e.getMessage(), asJson, back);
        } catch (ApproverNotAllowedException e) {
            return Responses.error(ApiError.FORBIDDEN, e.getMessage() + ".", asJson, null);
        } catch (ApprovalConflictException e) {
            ApprovalRecord current = e.current();
            if (current.status() == ApprovalStatus.DECIDED) {
                return asJson ? Responses.error(ApiError.ALREADY_DECIDED, alreadyDecidedMessage(current), true, null)
                        : Responses.html(409, Pages.alreadyDecided(current));
            }
            return asJson ? Responses.error(ApiError.APPROVAL_EXPIRED, expiredMessage(current), true, null)
                    : Responses.html(410, Pages.expired(current));
        } catch (ApprovalNotFoundException e) {
            return notFound(asJson, null);
        } catch (DecisionNotDeliveredException e) {
            LOG.warn("approval {}: {}", approvalId, e.getCause() == null ? e.getMessage() : e.getCause().toString());
            return Responses.withHeader(Responses.error(ApiError.UNAVAILABLE, e.getMessage() + ".", asJson, back),
                    "Retry-After", "5");
        } catch (ApprovalStoreException e) {
            if (!e.isTransient()) {
                throw e;
            }
            return Responses.withHeader(Responses.error(ApiError.UNAVAILABLE,
                    "The approval store is busy; nothing was decided. Please try again.", asJson, back), "Retry-After", "5");
        }
    }

    private Optional<HttpResponse> checkLink(String approvalId, Map<String, String> query, boolean asJson, String back) {
        return switch (signer.verify(approvalId, query.get("exp"), query.get("sig"), clock.instant())) {
            case VALID -> ApprovalIds.isWellFormed(approvalId) ? Optional.empty() : Optional.of(notFound(asJson, back));
            case MISSING_SIGNATURE -> Optional.of(Responses.error(ApiError.MISSING_SIGNATURE,
                    "This link is incomplete: it has no signature. Open the link exactly as it appears in the email.",
                    asJson, back));
            case BAD_SIGNATURE -> Optional.of(Responses.error(ApiError.BAD_SIGNATURE,
                    "This link is not valid: it was changed or belongs to another approval. Open the link exactly as it "
                            + "appears in the email.", asJson, back));
            case EXPIRED -> Optional.of(Responses.error(ApiError.LINK_EXPIRED,
                    "This link has expired. Nothing was decided; the objects stay in manual review.", asJson, back));
        };
    }

    private Optional<ApprovalRecord> load(String approvalId) {
        Optional<ApprovalRecord> record = store.find(approvalId);
        record.ifPresent(r -> MDC.put("runId", r.runId()));
        return record;
    }

    private ApprovalStatus effectiveStatus(ApprovalRecord record) {
        if (record.status() == ApprovalStatus.PENDING && record.isExpiredAt(clock.instant())) {
            return ApprovalStatus.EXPIRED;
        }
        return record.status();
    }

    private Submission fromForm(HttpRequest request, ApprovalRecord record, long exp) {
        Map<String, String> form = FormData.parse(request.body());
        if (!signer.verifyCsrf(record.approvalId(), exp, form.get("csrf"))) {
            throw new CsrfException("The form's security token is missing or wrong. Reload the review page and submit again.");
        }
        Map<String, DecisionAction> decisions = new LinkedHashMap<>();
        String all = form.get("all");
        if (all != null && !all.isEmpty()) {
            DecisionAction action = DecisionAction.parse(all)
                    .orElseThrow(() -> new IllegalArgumentException("'" + all + "' is not APPROVE or DENY"));
            record.objects().forEach(o -> decisions.put(o.key(), action));
        } else {
            for (Map.Entry<String, String> field : form.entrySet()) {
                Matcher m = INDEX_FIELD.matcher(field.getKey());
                if (!m.matches()) {
                    continue;
                }
                int index = Integer.parseInt(m.group(1));
                if (index >= record.objects().size()) {
                    throw new IllegalArgumentException("the form names object " + index + ", which this approval does not have");
                }
                String key = record.objects().get(index).key();
                decisions.put(key, DecisionAction.parse(field.getValue()).orElseThrow(() ->
                        new IllegalArgumentException("'" + field.getValue() + "' is not APPROVE or DENY for " + key)));
            }
        }
        return new Submission(decisions, approver(request, form.get("approver")));
    }

    private Submission fromJson(HttpRequest request) {
        JsonNode body;
        try {
            body = Responses.JSON.readTree(request.body());
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not valid JSON");
        }
        if (body == null || !body.isObject() || !body.path("decisions").isObject()) {
            throw new IllegalArgumentException("expected {\"decisions\": {<key>: \"APPROVE\"|\"DENY\"}, \"approver\": <email>}");
        }
        Map<String, DecisionAction> decisions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.get("decisions").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            decisions.put(key, DecisionAction.parse(e.getValue().isTextual() ? e.getValue().asText() : null)
                    .orElseThrow(() -> new IllegalArgumentException("the decision for " + key + " is not APPROVE or DENY")));
        }
        JsonNode approver = body.get("approver");
        return new Submission(decisions, approver(request, approver != null && approver.isTextual() ? approver.asText() : null));
    }

    private String approver(HttpRequest request, String submitted) {
        String fromHeader = approverFromHeader(request);
        String who = fromHeader != null ? fromHeader : submitted;
        if (who == null || who.isBlank()) {
            throw new IllegalArgumentException("say who is deciding: enter your email address");
        }
        who = who.trim();
        if (who.length() > 320 || !EMAIL.matcher(who).matches()) {
            throw new IllegalArgumentException("the approver must be an email address");
        }
        return who.toLowerCase(Locale.ROOT);
    }

    private String approverFromHeader(HttpRequest request) {
        if (approverHeader == null) {
            return null;
        }
        String value = request.header(approverHeader);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Browsers say where a form came from; refuse submissions another site made. */
    private static boolean crossSite(HttpRequest request) {
        if ("cross-site".equalsIgnoreCase(request.header("sec-fetch-site"))) {
            return true;
        }
        String origin = request.header("origin");
        String host = request.header("host");
        if (origin == null || host == null || origin.equals("null")) {
            // With Referrer-Policy no-referrer browsers send "Origin: null" even for our own form;
            // Sec-Fetch-Site (checked above) still tells a foreign site apart.
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return originHost == null || !originHost.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private HttpResponse notFound(boolean asJson, String back) {
        return Responses.error(ApiError.NOT_FOUND,
                "There is no such approval. It may have been removed after its retention period.", asJson, back);
    }

    private static String alreadyDecidedMessage(ApprovalRecord r) {
        return "This approval was already decided by " + r.decision().approver() + " at " + r.decision().decidedAt()
                + "; nothing was changed.";
    }

    private static String expiredMessage(ApprovalRecord r) {
        return "The workflow for run " + r.runId() + " no longer waits for a decision"
                + (r.statusReason() == null ? "" : " (" + r.statusReason() + ")")
                + "; nothing was applied and the objects stay in manual review.";
    }

    private ObjectNode toJson(ApprovalRecord r) {
        ObjectNode out = Responses.JSON.createObjectNode();
        out.put("approvalId", r.approvalId());
        out.put("runId", r.runId());
        out.put("status", effectiveStatus(r).name());
        out.put("expiresAt", r.expiresAt().toString());
        ArrayNode objects = out.putArray("objects");
        for (ApprovalObject o : r.objects()) {
            ObjectNode n = objects.addObject();
            n.put("key", o.key());
            n.put("sizeBytes", o.sizeBytes());
            n.put("verdict", o.verdict());
            n.put("severity", o.severity());
            o.findingTypes().forEach(n.putArray("findingTypes")::add);
            if (o.findingTypes().isEmpty()) {
                n.putArray("findingTypes");
            }
        }
        if (r.decision() != null) {
            ObjectNode d = out.putObject("decision");
            d.put("approver", r.decision().approver());
            d.put("decidedAt", r.decision().decidedAt().toString());
            ObjectNode decisions = d.putObject("decisions");
            r.decision().decisions().forEach((k, v) -> decisions.put(k, v.name()));
        }
        return out;
    }

    private static String routeName(String path) {
        if (DECISION.matcher(path).matches()) {
            return "/approvals/{id}/decision";
        }
        if (JSON_VIEW.matcher(path).matches()) {
            return "/approvals/{id}.json";
        }
        return REVIEW.matcher(path).matches() ? "/approvals/{id}" : "(other)";
    }

    private static Optional<HttpResponse> onlyMethods(HttpRequest request, String... allowed) {
        for (String m : allowed) {
            if (m.equals(request.method())) {
                return Optional.empty();
            }
        }
        return Optional.of(Responses.withHeader(Responses.error(ApiError.METHOD_NOT_ALLOWED,
                request.method() + " is not supported here." + (allowed[0].equals("GET")
                        ? " Opening a link never decides; use the buttons on the review page." : ""),
                request.path().endsWith(".json"), null), "Allow", String.join(", ", allowed)));
    }


    private record Submission(Map<String, DecisionAction> decisions, String approver) {
    }

    private static final class CsrfException extends IllegalArgumentException {
        CsrfException(String message) {
            super(message);
        }
    }
}
