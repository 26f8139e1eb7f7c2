package dev.scangate.lambdas.core.report;

/** A person's decision about a held object. */
public record Decision(Action action, String approver, String decidedAt) {

    public enum Action { APPROVE, DENY }
}
