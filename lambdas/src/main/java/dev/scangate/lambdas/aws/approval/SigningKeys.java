package dev.scangate.lambdas.aws.approval;

import dev.scangate.lambdas.core.approval.LinkSigner;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The link-signing key: {@code APPROVAL_SIGNING_KEY} (local runtime, tests) or the secret named by
 * {@code APPROVAL_SIGNING_SECRET_ARN} (AWS). The key itself is never logged or put in a message.
 */
public final class SigningKeys {

    private SigningKeys() {
    }

    public static LinkSigner signer(Map<String, String> env, Supplier<SecretsManagerClient> secretsManager) {
        String key = env.get("APPROVAL_SIGNING_KEY");
        if (key != null && !key.isBlank()) {
            return LinkSigner.create(key);
        }
        String arn = env.get("APPROVAL_SIGNING_SECRET_ARN");
        if (arn == null || arn.isBlank()) {
            throw new IllegalArgumentException("set APPROVAL_SIGNING_KEY or APPROVAL_SIGNING_SECRET_ARN");
        }
        try (SecretsManagerClient client = secretsManager.get()) {
            String secret = client.getSecretValue(b -> b.secretId(arn.trim())).secretString();
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("secret " + arn + " has no SecretString");
            }
            return LinkSigner.create(secret);
        } catch (SdkException e) {
            throw new IllegalStateException("could not read the approval signing secret " + arn + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }
}
