package dev.scangate.infra.macie;

import dev.scangate.infra.config.AllowListSpec;
import dev.scangate.infra.config.CustomIdentifierSpec;
import dev.scangate.infra.config.ScanGateConfig;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsCustomResourcePolicy;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.customresources.PhysicalResourceId;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.macie.CfnAllowList;
import software.amazon.awscdk.services.macie.CfnCustomDataIdentifier;
import software.amazon.awscdk.services.macie.CfnSession;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Macie for this account and region: optionally the session, the custom data identifiers and
 * allow lists from context, and optionally the discovery results location.
 */
public final class MacieSetup extends Construct {

    /** Props for {@link MacieSetup}. */
    public record Props(ScanGateConfig config, IBucket resultsBucket, IKey resultsKey) {

        public Props {
            java.util.Objects.requireNonNull(config, "config");
            java.util.Objects.requireNonNull(resultsBucket, "resultsBucket");
            java.util.Objects.requireNonNull(resultsKey, "resultsKey");
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builder for {@link Props}. */
        public static final class Builder {
            private ScanGateConfig config;
            private IBucket resultsBucket;
            private IKey resultsKey;

            public Builder config(ScanGateConfig value) {
                config = value;
                return this;
            }

            public Builder resultsBucket(IBucket value) {
                resultsBucket = value;
                return this;
            }

            public Builder resultsKey(IKey value) {
                resultsKey = value;
                return this;
            }

            public Props build() {
                return new Props(config, resultsBucket, resultsKey);
            }
        }
    }

    private final CfnSession session;
    private final List<String> customDataIdentifierIds = new ArrayList<>();
    private final List<String> allowListIds = new ArrayList<>();

    public MacieSetup(Construct scope, String id, Props props) {
        super(scope, id);
        ScanGateConfig config = props.config();
        session = config.enableMacieSession()
                ? CfnSession.Builder.create(this, "Session")
                        .status("ENABLED")
                        .findingPublishingFrequency("FIFTEEN_MINUTES")
                        .build()
                : null;
        customDataIdentifierIds.addAll(config.customDataIdentifierIds());
        int i = 0;
        for (CustomIdentifierSpec spec : config.customDataIdentifiers()) {
            CfnCustomDataIdentifier cdi = CfnCustomDataIdentifier.Builder.create(this, "CustomIdentifier" + i++)
                    .name(spec.name())
                    .regex(spec.regex())
                    .keywords(spec.keywords().isEmpty() ? null : spec.keywords())
                    .maximumMatchDistance(spec.maximumMatchDistance())
                    .description("ScanGate custom data identifier")
                    .build();
            dependOnSession(cdi);
            customDataIdentifierIds.add(cdi.getAttrId());
        }
        allowListIds.addAll(config.allowListIds());
        i = 0;
        for (AllowListSpec spec : config.allowLists()) {
            CfnAllowList list = CfnAllowList.Builder.create(this, "AllowList" + i++)
                    .name(spec.name())
                    .criteria(CfnAllowList.CriteriaProperty.builder().regex(spec.regex()).build())
                    .description("ScanGate allow list")
                    .build();
            dependOnSession(list);
            allowListIds.add(list.getAttrId());
        }
        if (config.configureMacieResults()) {
            configureResultsLocation(props);
        }
    }

    /**
     * CloudFormation has no resource for Macie's discovery results location; an SDK call sets it
     * (it is one setting per account and region, hence opt-in).
     */
    private void configureResultsLocation(Props props) {
        AwsSdkCall put = AwsSdkCall.builder()
                .service("Macie2")
                .action("putClassificationExportConfiguration")
                .parameters(Map.of("configuration", Map.of("s3Destination", Map.of(
                        "bucketName", props.resultsBucket().getBucketName(),
                        "keyPrefix", props.config().macieResultsPrefix(),
                        "kmsKeyArn", props.resultsKey().getKeyArn()))))
                .physicalResourceId(PhysicalResourceId.of("scangate-macie-results"))
                .build();
        AwsCustomResource resource = AwsCustomResource.Builder.create(this, "ResultsLocation")
                .onCreate(put)
                .onUpdate(put)
                .installLatestAwsSdk(false)
                // PutClassificationExportConfiguration supports no resource-level permissions.
                .policy(AwsCustomResourcePolicy.fromStatements(List.of(PolicyStatement.Builder.create()
                        .actions(List.of("macie2:PutClassificationExportConfiguration"))
                        .resources(List.of("*"))
                        .build())))
                .build();
        if (session != null) {
            resource.getNode().addDependency(session);
        }
    }

    private void dependOnSession(software.amazon.awscdk.CfnResource resource) {
        if (session != null) {
            resource.addDependency(session);
        }
    }

    /** The session, when this stack enables Macie; it also creates Macie's service-linked role. */
    public java.util.Optional<CfnSession> session() {
        return java.util.Optional.ofNullable(session);
    }

    public List<String> customDataIdentifierIds() {
        return List.copyOf(customDataIdentifierIds);
    }

    public List<String> allowListIds() {
        return List.copyOf(allowListIds);
    }
}
