package workshop.cookies;

/** The {@code SameSite} attribute: whether a cookie travels with requests that another site starts. */
public enum SameSite {
    /** Never on cross-site requests. */
    STRICT("Strict"),
    /** On cross-site top-level navigations with a safe method (GET), not on POSTs, images or fetches. */
    LAX("Lax"),
    /** On every request, cross-site too; only allowed together with {@code Secure}. */
    NONE("None");

    private final String attributeValue;

    SameSite(String attributeValue) {
        this.attributeValue = attributeValue;
    }

    /** How the attribute is written in a header, e.g. {@code Lax}. */
    public String attributeValue() {
        return attributeValue;
    }

    /**
     * C12 · whether a cookie with this setting goes with a cross-site request in {@code context}
     * (RFC 6265bis 5.8.3): Strict never, Lax only on a top-level navigation with a safe method, None always.
     */
    public boolean allowsCrossSite(RequestContext context) {
        throw new UnsupportedOperationException("C12 · SameSite — see notebooks/01-cookies.ipynb, C12");
    }
}
