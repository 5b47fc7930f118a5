package workshop.jwt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;

/** Reads a JWT part's JSON object; any other JSON is MALFORMED. */
final class Json {

    private static final ObjectMapper MAPPER = newMapper();

    private Json() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String part, String name) {
        byte[] bytes = Base64Url.decode(part);
        try {
            Object value = MAPPER.readValue(bytes, Object.class);
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (JsonProcessingException e) {
            throw new TokenRejected(TokenRejected.Reason.MALFORMED, "the " + name + " is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new TokenRejected(TokenRejected.Reason.MALFORMED, "the " + name + " could not be read: " + e.getMessage(), e);
        }
        throw new TokenRejected(TokenRejected.Reason.MALFORMED, "the " + name + " is JSON but not an object");
    }

    /** The shared mapper: thread-safe once configured. */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A mapper with the kit's own nesting limit ({@link TokenVerifier#MAX_JSON_DEPTH}): a token's JSON is a few flat
     * objects, and Jackson's default (1000 levels) would let one small token make the parser recurse 1000 times.
     */
    static ObjectMapper newMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(TokenVerifier.MAX_JSON_DEPTH).build())
                .build();
        return new ObjectMapper(factory);
    }
}
