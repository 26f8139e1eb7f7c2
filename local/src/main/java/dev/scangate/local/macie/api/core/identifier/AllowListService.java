package dev.scangate.local.macie.api.core.identifier;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scangate.local.macie.api.core.Fields;
import dev.scangate.local.macie.api.core.MacieAccount;
import dev.scangate.local.macie.api.core.MacieException;
import dev.scangate.local.macie.api.core.MacieState;
import dev.scangate.local.macie.api.core.ObjectStore;
import dev.scangate.local.macie.api.core.ObjectStoreException;
import dev.scangate.local.macie.api.core.Paging;
import dev.scangate.local.macie.scanner.ScanSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Allow list CRUD; S3 word lists are read (and their status checked) through the object store. */
public final class AllowListService {

    private static final Pattern BUCKET_NAME = Pattern.compile("^[A-Za-z0-9.\\-_]{3,255}$");
    private static final long MAX_WORD_LIST_BYTES = 35L * 1024 * 1024;
    private static final int MAX_WORDS = 100_000;
    private static final int MAX_ALLOW_LISTS = 10;
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final MacieState state;
    private final MacieAccount account;
    private final Clock clock;
    private final ObjectStore objectStore;
    private final SecureRandom random = new SecureRandom();

    public AllowListService(MacieState state, MacieAccount account, Clock clock, ObjectStore objectStore) {
        this.state = state;
        this.account = account;
        this.clock = clock;
        this.objectStore = objectStore;
    }

    /** The list's status as GetAllowList reports it: {@code code} is Macie's AllowListStatusCode. */
    public record Status(String code, String description) { }

    private record Criteria(String regex, String bucketName, String objectKey) { }

    public AllowList create(JsonNode request) {
        var name = Fields.text(request, "name", "name", true, 128);
        var description = Fields.text(request, "description", "description", false, 512);
        var criteria = criteria(request.get("criteria"));
        var tags = Fields.tags(request, "tags");
        var clientToken = Fields.text(request, "clientToken", "clientToken", false, 512);
        synchronized (state) {
            if (clientToken != null) {
                var existing = state.allowLists().stream().filter(a -> clientToken.equals(a.clientToken())).findFirst();
                if (existing.isPresent()) {
                    return existing.get();
                }
            }
            if (state.allowLists().size() >= MAX_ALLOW_LISTS) {
                throw new MacieException(dev.scangate.local.macie.api.core.MacieError.SERVICE_QUOTA_EXCEEDED,
                        "An account can have at most " + MAX_ALLOW_LISTS + " allow lists.");
            }
            var id = newId();
            var now = clock.instant();
            var list = new AllowList(id, account.arn("allow-list/" + id), clientToken, name, description,
                    criteria.regex(), criteria.bucketName(), criteria.objectKey(), tags, now, now);
            state.putAllowList(list);
            return list;
        }
    }

    public AllowList get(String id) {
        return state.allowList(id).orElseThrow(() -> MacieException.notFound("The allow list " + id + " doesn't exist."));
    }

    public AllowList update(String id, JsonNode request) {
        var name = Fields.text(request, "name", "name", true, 128);
        var description = Fields.text(request, "description", "description", false, 512);
        var criteria = criteria(request.get("criteria"));
        synchronized (state) {
            var current = get(id);
            var updated = new AllowList(id, current.arn(), current.clientToken(), name, description, criteria.regex(),
                    criteria.bucketName(), criteria.objectKey(), current.tags(), current.createdAt(), clock.instant());
            state.putAllowList(updated);
            return updated;
        }
    }

    public void delete(String id) {
        synchronized (state) {
            get(id);
            state.removeAllowList(id);
        }
    }

    public Paging.Page<AllowList> list(Integer maxResults, String nextToken) {
        return Paging.page(state.allowLists(), maxResults, 100, nextToken);
    }

    public Status status(AllowList list) {
        if (!list.isWordList()) {
            return new Status("OK", null);
        }
        try {
            var words = readWords(list);
            return words.isEmpty() ? new Status("S3_OBJECT_EMPTY", "The word list contains no words.")
                    : new Status("OK", null);
        } catch (WordListException e) {
            return new Status(e.code, e.getMessage());
        }
    }

    /** Lists resolved for a job; a word list that cannot be read is reported by its status. */
    public record Resolved(List<ScanSettings.AllowList> lists, List<String> problems) { }

    public Resolved resolveForJob(List<String> ids) {
        var lists = new ArrayList<ScanSettings.AllowList>();
        var problems = new ArrayList<String>();
        for (var id : ids) {
            var list = state.allowList(id);
            if (list.isEmpty()) {
                problems.add(id + ": deleted");
                continue;
            }
            if (!list.get().isWordList()) {
                lists.add(new ScanSettings.AllowList(id, list.get().regex(), null));
                continue;
            }
            try {
                lists.add(new ScanSettings.AllowList(id, null, readWords(list.get())));
            } catch (WordListException e) {
                problems.add(id + ": " + e.code);
            }
        }
        return new Resolved(lists, problems);
    }

    /** Existence check for CreateClassificationJob. */
    public void requireExisting(List<String> ids) {
        for (var id : ids) {
            if (state.allowList(id).isEmpty()) {
                throw MacieException.notFound("allowListIds: the allow list " + id + " doesn't exist.");
            }
        }
    }

    private Set<String> readWords(AllowList list) {
        try {
            return objectStore.read(list.bucketName(), list.objectKey(), content -> {
                var words = new LinkedHashSet<String>();
                long bytes = 0;
                try (var reader = new BufferedReader(new InputStreamReader(content.stream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        bytes += line.length() + 1;
                        if (bytes > MAX_WORD_LIST_BYTES) {
                            throw new WordListException("S3_OBJECT_OVERSIZE", "The word list is larger than 35 MB.");
                        }
                        var word = line.trim();
                        if (!word.isEmpty()) {
                            words.add(word);
                        }
                        if (words.size() > MAX_WORDS) {
                            throw new WordListException("S3_OBJECT_OVERSIZE", "The word list has more than 100,000 words.");
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return words;
            });
        } catch (ObjectStoreException e) {
            throw switch (e.kind()) {
                case NO_SUCH_BUCKET, NO_SUCH_KEY -> new WordListException("S3_OBJECT_NOT_FOUND",
                        "s3://" + list.bucketName() + "/" + list.objectKey() + " doesn't exist.");
                case ACCESS_DENIED -> new WordListException("S3_OBJECT_ACCESS_DENIED",
                        "Macie can't read s3://" + list.bucketName() + "/" + list.objectKey() + ".");
                default -> new WordListException("UNKNOWN_ERROR", e.getMessage());
            };
        }
    }

    private static final class WordListException extends RuntimeException {
        private final String code;

        WordListException(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    private static Criteria criteria(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw MacieException.validation("criteria is required");
        }
        boolean hasRegex = node.hasNonNull("regex");
        boolean hasWords = node.hasNonNull("s3WordsList");
        if (hasRegex == hasWords) {
            throw MacieException.validation("criteria must have exactly one of regex or s3WordsList");
        }
        if (hasRegex) {
            var regex = Fields.text(node, "regex", "criteria.regex", true, 512);
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw MacieException.validation("criteria.regex is not a valid regular expression: " + e.getDescription());
            }
            return new Criteria(regex, null, null);
        }
        var words = node.get("s3WordsList");
        var bucket = Fields.text(words, "bucketName", "criteria.s3WordsList.bucketName", true, 255);
        if (!BUCKET_NAME.matcher(bucket).matches()) {
            throw MacieException.validation("criteria.s3WordsList.bucketName must match ^[A-Za-z0-9.\\-_]{3,255}$, got '"
                    + bucket + "'");
        }
        var key = Fields.text(words, "objectKey", "criteria.s3WordsList.objectKey", true, 1024);
        return new Criteria(null, bucket, key);
    }

    private String newId() {
        var sb = new StringBuilder(22);
        for (int i = 0; i < 22; i++) {
            sb.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return sb.toString();
    }
}
