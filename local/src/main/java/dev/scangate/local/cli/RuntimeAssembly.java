package dev.scangate.local.cli;

import dev.scangate.local.macie.LocalMacieExtension;
import dev.scangate.local.macie.scanner.SensitiveDataScanners;
import dev.scangate.local.mail.Outbox;
import dev.scangate.local.reminder.ApprovalReminderExtension;
import dev.scangate.local.runtime.LocalResources;
import dev.scangate.local.sfn.LocalStepFunctionsExtension;
import dev.scangate.local.runtime.LocalConfig;
import dev.scangate.local.runtime.LocalRuntime;
import dev.scangate.local.web.WebServer;
import java.io.PrintStream;

/** Puts the whole local runtime together: core services plus the parts built in other packages. */
public final class RuntimeAssembly {

    private RuntimeAssembly() {
    }

    public static LocalRuntime.Builder assemble(LocalConfig config, PrintStream console) {
        var outbox = Outbox.builder().dataDirectory(config.dataDir()).console(console);
        if (config.smtp() != null && !config.smtp().isBlank()) {
            outbox.smtp(config.smtp());
        }
        Outbox mail = outbox.build();
        var stepFunctions = new LocalStepFunctionsExtension();
        return LocalRuntime.builder()
                .config(config)
                .emailDelivery(n -> mail.deliver(n.to(), n.subject(), n.body()))
                .extension(new LocalMacieExtension(SensitiveDataScanners.create()))
                .extension(stepFunctions)
                .extension(new WebServer())
                // hourly, whatever the pipeline schedule: approvals wait whether or not new runs start
                .extension(new ApprovalReminderExtension())
                // the schedule passes its event id, as the EventBridge rule does in AWS
                .onSchedule(tick -> stepFunctions.engine().startExecution(LocalResources.STATE_MACHINE_ARN,
                        tick.eventId(), "{\"id\":\"" + tick.eventId() + "\"}"));
    }
}
