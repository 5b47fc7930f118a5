package workshop.simulator;

import com.github.tomakehurst.wiremock.common.Notifier;

/** Keeps WireMock's chatter out of test output and notebooks; errors still reach stderr. */
final class QuietNotifier implements Notifier {
    @Override
    public void info(String message) {
        // Exchanges are shown on demand with ExchangePrinter instead.
    }

    @Override
    public void error(String message) {
        System.err.println("[simulator] " + message);
    }

    @Override
    public void error(String message, Throwable t) {
        System.err.println("[simulator] " + message + ": " + t);
    }
}
