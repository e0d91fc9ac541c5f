package dev.oponn.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refusal as the operator's to-do, without a stack trace around it. */
final class RefusedToStartAnalyzer extends AbstractFailureAnalyzer<RefusedToStart> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RefusedToStart cause) {
        return new FailureAnalysis(cause.getMessage(), "Change the settings named above and start Oponn again.", cause);
    }
}
