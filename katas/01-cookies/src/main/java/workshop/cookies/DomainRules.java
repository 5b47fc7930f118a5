package workshop.cookies;

import java.util.Optional;
import java.util.regex.Pattern;

/** Domain attributes and domain matching (RFC 6265 sections 5.1.3 and 5.2.3). */
public final class DomainRules {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private DomainRules() {
    }

    /**
     * C6 · a {@code Domain} attribute value as the browser stores it: leading dot dropped, lower case
     * ({@code .Site.Example} → {@code site.example}); empty for an empty value (the attribute is ignored).
     */
    public static Optional<String> normalise(String domainAttribute) {
        throw new UnsupportedOperationException("C6 · domain rules — see notebooks/01-cookies.ipynb, C6");
    }

    /**
     * C6 · whether {@code host} domain-matches {@code domain}: equal, or {@code host} ends with
     * {@code "." + domain} and is a host name, not an IP address (IP addresses only match exactly).
     */
    public static boolean domainMatches(String host, String domain) {
        throw new UnsupportedOperationException("C6 · domain rules — see notebooks/01-cookies.ipynb, C6");
    }

    /** Whether {@code host} is an IPv4 or IPv6 literal rather than a name. */
    public static boolean isIpAddress(String host) {
        return IPV4.matcher(host).matches() || host.contains(":");
    }
}
