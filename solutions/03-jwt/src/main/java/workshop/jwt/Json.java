package workshop.jwt;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
