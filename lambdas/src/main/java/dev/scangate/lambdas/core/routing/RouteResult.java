package dev.scangate.lambdas.core.routing;

/** RouteObjects' output; the counts are for the whole run so far. */
public record RouteResult(int cursor, boolean done, int curated, int manualReview) {
}
