package io.supportsla.registry.api;

import static io.supportsla.registry.api.RegistryMediaTypes.DEFAULT_JSON;
import static io.supportsla.registry.api.RegistryMediaTypes.JSON;
import static io.supportsla.registry.api.RegistryMediaTypes.OCTET_STREAM;
import static io.supportsla.registry.api.RegistryMediaTypes.V1_JSON;

import io.supportsla.registry.RegistryException;
import io.supportsla.registry.schemas.Registration;
import io.supportsla.registry.schemas.SchemaRegistry;
import io.supportsla.registry.schemas.VersionId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Subjects and their versions: register, look up, list, fetch. */
@RestController
@RequestMapping(path = "/subjects", produces = {V1_JSON, DEFAULT_JSON, JSON})
class SubjectsController {

    private final SchemaRegistry registry;
    private final RegistrationMetrics metrics;

    SubjectsController(SchemaRegistry registry, RegistrationMetrics metrics) {
        this.registry = registry;
        this.metrics = metrics;
    }

    @GetMapping
    List<String> subjects() {
        return registry.subjects();
    }

    @PostMapping(path = "/{subject}/versions", consumes = {V1_JSON, DEFAULT_JSON, JSON, OCTET_STREAM})
    Responses.SchemaId register(@PathVariable String subject, @RequestBody(required = false) byte[] body) {
        try {
            Registration registration = registry.register(subject, RequestBodies.schemaSubmission(body));
            metrics.accepted(registration);
            return new Responses.SchemaId(registration.schema().id());
        } catch (RegistryException e) {
            metrics.refused(e.error());
            throw e;
        }
    }

    /** Which version of the subject, if any, is this schema. */
    @PostMapping(path = "/{subject}", consumes = {V1_JSON, DEFAULT_JSON, JSON, OCTET_STREAM})
    Responses.SubjectVersion lookUp(@PathVariable String subject, @RequestBody(required = false) byte[] body) {
        return Responses.SubjectVersion.of(registry.lookUp(subject, RequestBodies.schemaSubmission(body)));
    }

    @GetMapping("/{subject}/versions")
    List<Integer> versions(@PathVariable String subject) {
        return registry.versions(subject);
    }

    @GetMapping("/{subject}/versions/{version}")
    Responses.SubjectVersion version(@PathVariable String subject, @PathVariable String version) {
        return Responses.SubjectVersion.of(registry.version(subject, VersionId.parse(version)));
    }

    /** The schema itself, unwrapped: the body is the schema's JSON. */
    @GetMapping("/{subject}/versions/{version}/schema")
    byte[] rawSchema(@PathVariable String subject, @PathVariable String version) {
        return registry.version(subject, VersionId.parse(version)).schema().getBytes(StandardCharsets.UTF_8);
    }
}
