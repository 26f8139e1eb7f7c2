package dev.scangate.local.cli;

import dev.scangate.local.runtime.LocalConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The flags every runtime command shares; they override the config file, which overrides defaults. */
final class RuntimeOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with runtime settings (see local/README.md).")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the runtime keeps its state (default .scangate).")
    Path dataDir;

    @Option(names = "--port", paramLabel = "PORT", description = "Edge endpoint port for all AWS APIs (default 4566).")
    Integer port;

    @Option(names = "--web-port", paramLabel = "PORT", description = "Web server port: approval pages and console (default 8080; 0 picks a free one, printed at start).")
    Integer webPort;

    @Option(names = "--schedule", paramLabel = "EXPR", description = "rate(...) or cron(...) as in EventBridge, or 'off' (default rate(6 hours)).")
    String schedule;

    @Option(names = "--severity-threshold", paramLabel = "LEVEL", description = "LOW, MEDIUM or HIGH: findings at or above it flag an object (default MEDIUM).")
    String severityThreshold;

    @Option(names = "--approvers", paramLabel = "EMAILS", description = "Comma-separated approver email addresses.")
    String approvers;

    @Option(names = "--smtp", paramLabel = "HOST:PORT", description = "Also send notification mail through this SMTP server.")
    String smtp;

    LocalConfig toConfig() {
        var builder = config != null ? LocalConfig.fromFile(config) : LocalConfig.builder();
        if (dataDir != null) {
            builder.dataDir(dataDir);
        }
        if (port != null) {
            builder.port(port);
        }
        if (webPort != null) {
            builder.webPort(webPort);
        }
        if (schedule != null) {
            builder.schedule(schedule);
        }
        if (severityThreshold != null) {
            builder.severityThreshold(severityThreshold);
        }
        if (approvers != null) {
            builder.approvers(LocalConfig.list(approvers));
        }
        if (smtp != null) {
            builder.smtp(smtp);
        }
        return builder.build();
    }
}
