package workshop.jwt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reads a JWT part's JSON object; any other JSON is MALFORMED. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String part, String name) {
        byte[] bytes = Base64Url.decode(part);
        try {
            Object value = MAPPER.readValue(new String(bytes, StandardCharsets.UTF_8), Object.class);
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (JsonProcessingException e) {
            throw new TokenRejected(TokenRejected.Reason.MALFORMED, "the " + name + " is not JSON: " + e.getOriginalMessage(), e);
        }
        throw new TokenRejected(TokenRejected.Reason.MALFORMED, "the " + name + " is JSON but not an object");
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
