package dev.scangate.lambdas.core.storage;

/** The standard headers a move keeps (S3 drops them when metadata is replaced on copy). */
public record ObjectHeaders(String contentType, String contentEncoding, String contentDisposition,
                            String contentLanguage, String cacheControl) {

    public static ObjectHeaders ofContentType(String contentType) {
        return new ObjectHeaders(contentType, null, null, null, null);
    }
}
