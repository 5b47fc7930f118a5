package workshop.attacks;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A state-changing request as the bank received it: what a CSRF defence may look at (given).
 *
 * @param method  {@code GET} or {@code POST}
 * @param headers request headers, names in lower case ({@code origin}, {@code sec-fetch-site}, {@code referer})
 * @param form    the form fields: the query of a GET, the url-encoded body of a POST ({@code csrf} is the token)
 * @param session the session ID from the request's session cookie, if it carried one
 */
public record IncomingRequest(String method, Map<String, String> headers, Map<String, String> form,
                              Optional<String> session) {

    public IncomingRequest {
        headers = Map.copyOf(headers);
        form = Map.copyOf(form);
    }

    /** A header's value, by its name in any case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
