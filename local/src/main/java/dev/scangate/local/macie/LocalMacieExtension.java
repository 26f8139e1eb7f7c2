package dev.scangate.local.macie;

import dev.scangate.local.macie.api.LocalMacieServer;
import dev.scangate.local.macie.scanner.SensitiveDataScanner;
import dev.scangate.local.runtime.LocalResources;
import dev.scangate.local.runtime.RuntimeContext;
import dev.scangate.local.runtime.RuntimeExtension;
import java.util.Objects;

/** Serves the local Macie on the edge endpoint as {@code macie2}, scanning the local S3. */
public final class LocalMacieExtension implements RuntimeExtension {

    private final SensitiveDataScanner scanner;
    private LocalMacieServer server;

    public LocalMacieExtension(SensitiveDataScanner scanner) {
        this.scanner = Objects.requireNonNull(scanner, "scanner");
    }

    @Override
    public String name() {
        return "local Macie";
    }

    @Override
    public void start(RuntimeContext context) {
        server = LocalMacieServer.builder()
                .s3(context.clients().s3())
                .scanner(scanner)
                .resultsLocation("s3://" + LocalResources.MACIE_RESULTS_BUCKET + "/" + LocalResources.MACIE_RESULTS_PREFIX)
                .dataDirectory(context.dataDirectory().macie())
                .build();
        context.edge().register("macie2", server.handler());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
