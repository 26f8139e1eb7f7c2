package dev.scangate.local.macie.api.core;

import java.util.Objects;

/** The account and region the local Macie pretends to be. */
public record MacieAccount(String accountId, String region, String partition) {

    public MacieAccount {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(partition, "partition");
    }

    public static MacieAccount local() {
        return new MacieAccount("000000000000", "us-east-1", "aws");
    }

    public String arn(String resource) {
        return "arn:" + partition + ":macie2:" + region + ":" + accountId + ":" + resource;
    }
}
