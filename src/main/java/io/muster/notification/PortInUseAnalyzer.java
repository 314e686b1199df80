package io.muster.notification;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up fails with which port is taken and which setting moves it, not a mail server's time-out. */
class PortInUseAnalyzer extends AbstractFailureAnalyzer<EmbeddedMailServer.PortInUse> {

    @Override
    protected FailureAnalysis analyze(Throwable root, EmbeddedMailServer.PortInUse cause) {
        return new FailureAnalysis("The in-process mail server cannot listen for " + cause.protocol + " on port "
                + cause.port + ": something else uses that port, perhaps another Muster.",
                "Stop what uses port " + cause.port + ", or start Muster with " + cause.setting
                        + "=<a free port> (the default run's SMTP and IMAP ports are MUSTER_SMTP_PORT and "
                        + "MUSTER_IMAP_PORT).", cause);
    }
}
