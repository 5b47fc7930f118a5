package workshop.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Assertions on a CsrfGuard's verdict, with the request in the message. */
final class CsrfAssert {

    private CsrfAssert() {
    }

    static void allowed(CsrfGuard guard, IncomingRequest request, String what) {
        Throwable thrown = Lab.thrown(() -> guard.check(request));
        assertThat(thrown).as("your guard must ALLOW %s, but said: %s\n  the request: %s", what,
                thrown == null ? "" : thrown.getMessage(), request).isNull();
    }

    static void refused(CsrfGuard guard, IncomingRequest request, CsrfRefused.Reason reason, String why) {
        Throwable thrown = Lab.thrown(() -> guard.check(request));
        if (thrown == null) {
            fail("your guard ALLOWED this request, expected CsrfRefused(" + reason + "): " + why + "\n  the request: "
                    + request);
        }
        assertThat(thrown).as("expected CsrfRefused(%s): %s\n  the request: %s", reason, why, request)
                .isInstanceOf(CsrfRefused.class);
        assertThat(((CsrfRefused) thrown).reason()).as("%s\n  the request: %s\n  your guard said: %s", why, request,
                thrown.getMessage()).isEqualTo(reason);
    }
}
