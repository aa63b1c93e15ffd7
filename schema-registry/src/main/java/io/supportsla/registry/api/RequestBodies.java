package io.supportsla.registry.api;

import io.supportsla.registry.schemas.SchemaSubmission;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies. The API accepts JSON under several content types, octet-stream among
 * them, so bodies are read here rather than by a message converter chosen by content type.
 */
final class RequestBodies {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RequestBodies() {
    }

    static SchemaSubmission schemaSubmission(byte[] body) {
        Requests.SchemaRequest request = read(body, Requests.SchemaRequest.class);
        int references = request.references() == null ? 0 : request.references().size();
        return new SchemaSubmission(request.schema(), request.schemaType(), references);
    }

    static String compatibilityLevel(byte[] body) {
        return read(body, Requests.ConfigUpdateRequest.class).level();
    }

    private static <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw new MalformedRequestException(422, "Request body is missing");
        }
        T request;
        try {
            request = JSON.readValue(body, type);
        } catch (StreamReadException e) {
            throw new MalformedRequestException(400, "Malformed JSON in request body: " + e.getOriginalMessage());
        } catch (JacksonException e) {
            throw new MalformedRequestException(422, "Unprocessable request body: " + e.getOriginalMessage());
        }
        if (request == null) {
            throw new MalformedRequestException(422, "Request body is missing");
        }
        return request;
    }
}
