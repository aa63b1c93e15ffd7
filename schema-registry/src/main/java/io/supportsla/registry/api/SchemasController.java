package io.supportsla.registry.api;

import static io.supportsla.registry.api.RegistryMediaTypes.DEFAULT_JSON;
import static io.supportsla.registry.api.RegistryMediaTypes.JSON;
import static io.supportsla.registry.api.RegistryMediaTypes.V1_JSON;

import io.supportsla.registry.schemas.SchemaRegistry;
import io.supportsla.registry.schemas.SubjectVersionRef;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Schemas by their global id, and the server's root. */
@RestController
@RequestMapping(produces = {V1_JSON, DEFAULT_JSON, JSON})
class SchemasController {

    private final SchemaRegistry registry;

    SchemasController(SchemaRegistry registry) {
        this.registry = registry;
    }

    /** Confluent's registry answers its root with an empty object; clients use it as a ping. */
    @GetMapping("/")
    Map<String, Object> root() {
        return Map.of();
    }

    @GetMapping("/schemas/ids/{id}")
    Responses.SchemaText schemaById(@PathVariable int id) {
        return new Responses.SchemaText(registry.schemaById(id));
    }

    @GetMapping("/schemas/ids/{id}/versions")
    List<Responses.SubjectAndVersion> versionsOfSchema(@PathVariable int id) {
        return registry.versionsOfSchema(id).stream()
                .map(ref -> new Responses.SubjectAndVersion(ref.subject(), ref.version()))
                .toList();
    }

    @GetMapping("/schemas/ids/{id}/subjects")
    List<String> subjectsOfSchema(@PathVariable int id) {
        return registry.versionsOfSchema(id).stream().map(SubjectVersionRef::subject).distinct().toList();
    }

    @GetMapping("/schemas/types")
    List<String> schemaTypes() {
        return List.of("AVRO");
    }
}
