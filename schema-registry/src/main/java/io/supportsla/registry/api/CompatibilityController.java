package io.supportsla.registry.api;

import static io.supportsla.registry.api.RegistryMediaTypes.DEFAULT_JSON;
import static io.supportsla.registry.api.RegistryMediaTypes.JSON;
import static io.supportsla.registry.api.RegistryMediaTypes.OCTET_STREAM;
import static io.supportsla.registry.api.RegistryMediaTypes.V1_JSON;

import io.supportsla.registry.RegistryError;
import io.supportsla.registry.RegistryException;
import io.supportsla.registry.compatibility.CompatibilityVerdict;
import io.supportsla.registry.schemas.SchemaRegistry;
import io.supportsla.registry.schemas.VersionId;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dry runs of registration: would this schema be accepted? With {@code ?verbose=true} the answer
 * says why not, and an invalid schema is answered as incompatible rather than as an error.
 */
@RestController
@RequestMapping(path = "/compatibility/subjects/{subject}", produces = {V1_JSON, DEFAULT_JSON, JSON},
        consumes = {V1_JSON, DEFAULT_JSON, JSON, OCTET_STREAM})
class CompatibilityController {

    private final SchemaRegistry registry;

    CompatibilityController(SchemaRegistry registry) {
        this.registry = registry;
    }

    @PostMapping("/versions/{version}")
    Responses.CompatibilityCheck againstVersion(
            @PathVariable String subject,
            @PathVariable String version,
            @RequestParam(defaultValue = "false") boolean verbose,
            @RequestBody(required = false) byte[] body) {
        VersionId versionId = VersionId.parse(version);
        return answer(verbose, () -> registry.checkAgainstVersion(subject, versionId, RequestBodies.schemaSubmission(body)));
    }

    /** Against the subject as registration would check it: all versions the level asks for. */
    @PostMapping("/versions")
    Responses.CompatibilityCheck againstSubject(
            @PathVariable String subject,
            @RequestParam(defaultValue = "false") boolean verbose,
            @RequestBody(required = false) byte[] body) {
        return answer(verbose, () -> registry.checkAgainstSubject(subject, RequestBodies.schemaSubmission(body)));
    }

    private static Responses.CompatibilityCheck answer(boolean verbose, Supplier<CompatibilityVerdict> check) {
        CompatibilityVerdict verdict;
        try {
            verdict = check.get();
        } catch (RegistryException e) {
            if (!verbose || e.error() != RegistryError.INVALID_SCHEMA) {
                throw e;
            }
            verdict = new CompatibilityVerdict(List.of(e.getMessage()));
        }
        return new Responses.CompatibilityCheck(verdict.isCompatible(), verbose ? verdict.messages() : null);
    }
}
