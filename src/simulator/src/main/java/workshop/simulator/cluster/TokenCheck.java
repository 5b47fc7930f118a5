package workshop.simulator.cluster;

import java.util.Optional;

/**
 * How an app instance checks a bearer token ({@code Authorization: Bearer …} on {@code GET /api/me}): the JWT side of
 * module 05. Returns the user the token speaks for, or empty for a token that is invalid, expired or revoked (e.g.
 * its {@code jti} is on a deny list). An exception means the check cannot be made now (the deny list's Redis is
 * down): the app answers 503 and does not let the request through (fail closed).
 */
@FunctionalInterface
public interface TokenCheck {

    Optional<String> userOf(String token);
}
