package workshop.cookies;

/**
 * What the browser knows about a request when it picks cookies for it.
 *
 * @param crossSite          the page that starts the request belongs to another site than the target
 * @param topLevelNavigation the request changes what the address bar shows (a link, a form), not an image or a fetch
 * @param method             the HTTP method, e.g. {@code GET} or {@code POST}
 */
public record RequestContext(boolean crossSite, boolean topLevelNavigation, String method) {

    /** The user types the address or follows a link on the same site: every cookie that matches goes. */
    public static RequestContext sameSite() {
        return new RequestContext(false, true, "GET");
    }

    /** Another site navigates the whole tab here, e.g. a link ({@code GET}) or a form ({@code POST}). */
    public static RequestContext crossSiteNavigation(String method) {
        return new RequestContext(true, true, method);
    }

    /** Another site's page loads something from here in the background: an image, an iframe, a fetch. */
    public static RequestContext crossSiteSubresource(String method) {
        return new RequestContext(true, false, method);
    }
}
