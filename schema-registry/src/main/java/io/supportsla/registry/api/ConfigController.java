package io.supportsla.registry.api;

import static io.supportsla.registry.api.RegistryMediaTypes.DEFAULT_JSON;
import static io.supportsla.registry.api.RegistryMediaTypes.JSON;
import static io.supportsla.registry.api.RegistryMediaTypes.OCTET_STREAM;
import static io.supportsla.registry.api.RegistryMediaTypes.V1_JSON;

import io.supportsla.registry.schemas.SchemaRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Compatibility levels, global and per subject. */
@RestController
@RequestMapping(path = "/config", produces = {V1_JSON, DEFAULT_JSON, JSON})
class ConfigController {

    private final SchemaRegistry registry;

    ConfigController(SchemaRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    Responses.Config globalLevel() {
        return new Responses.Config(registry.globalLevel().name());
    }

    @PutMapping(consumes = {V1_JSON, DEFAULT_JSON, JSON, OCTET_STREAM})
    Responses.ConfigUpdate setGlobalLevel(@RequestBody(required = false) byte[] body) {
        return new Responses.ConfigUpdate(registry.setGlobalLevel(RequestBodies.compatibilityLevel(body)).name());
    }

    @GetMapping("/{subject}")
    Responses.Config subjectLevel(
            @PathVariable String subject, @RequestParam(defaultValue = "false") boolean defaultToGlobal) {
        return new Responses.Config(registry.subjectLevel(subject, defaultToGlobal).name());
    }

    @PutMapping(path = "/{subject}", consumes = {V1_JSON, DEFAULT_JSON, JSON, OCTET_STREAM})
    Responses.ConfigUpdate setSubjectLevel(@PathVariable String subject, @RequestBody(required = false) byte[] body) {
        return new Responses.ConfigUpdate(
                registry.setSubjectLevel(subject, RequestBodies.compatibilityLevel(body)).name());
    }
}
