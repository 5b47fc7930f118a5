package workshop.simulator.legacy;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A state-changing request as the {@link LegacyBank} received it, handed to a CSRF check: what a defence may look at.
 *
 * @param method  {@code GET} or {@code POST}
 * @param path    e.g. {@code /transfer}
 * @param headers every request header, names in lower case ({@code origin}, {@code sec-fetch-site}, {@code referer})
 * @param form    the form fields (the query for a GET, the url-encoded body for a POST)
 * @param session the session ID the request's session cookie carries, if any
 */
public record BankRequest(String method, String path, Map<String, String> headers, Map<String, String> form,
                          Optional<String> session) {

    public BankRequest {
        headers = Map.copyOf(headers);
        form = Map.copyOf(form);
    }

    /** A header's value by its name in any case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
