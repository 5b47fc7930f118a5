package workshop.jwt;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** A token whose signature, algorithm, issuer, audience and times were checked. */
public record VerifiedToken(String subject, String issuer, Set<String> audience, Instant issuedAt, Instant expiresAt,
                            String id, Map<String, Object> claims) {
}
