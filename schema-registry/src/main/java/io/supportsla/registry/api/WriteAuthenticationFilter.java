package io.supportsla.registry.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.core.annotation.Order;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.supportsla.registry.SchemaRegistryProperties;
import io.supportsla.registry.SchemaRegistryProperties.Writer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * When {@code schema-registry.writers} names users, every request that changes the registry
 * (registering a schema, changing a compatibility level, deleting) needs HTTP Basic credentials
 * of one of them; reads, lookups and compatibility checks stay open. A refusal is Confluent's
 * 401 body ({@code error_code} 40101). The serdes send credentials with Confluent's own keys
 * ({@code basic.auth.credentials.source=USER_INFO}, {@code basic.auth.user.info=user:password}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class WriteAuthenticationFilter extends OncePerRequestFilter {

    private static final Pattern REGISTER = Pattern.compile("/subjects/[^/]+/versions/?");

    private final Map<String, Writer> writers;

    WriteAuthenticationFilter(SchemaRegistryProperties properties) {
        this.writers = properties.writers();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return writers.isEmpty() || !isWrite(request.getMethod(), request.getRequestURI());
    }

    static boolean isWrite(String method, String path) {
        return switch (method) {
            case "POST" -> REGISTER.matcher(path).matches();
            case "PUT", "DELETE" -> true;
            default -> false;
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (authenticated(request.getHeader("Authorization"))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Basic realm=\"schema-registry\"");
        response.setContentType(RegistryMediaTypes.V1_JSON);
        response.getOutputStream().write(
                "{\"error_code\":40101,\"message\":\"Unauthorized: writes need the credentials of a configured writer\"}"
                        .getBytes(StandardCharsets.UTF_8));
    }

    private boolean authenticated(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        Writer writer = writers.get(decoded.substring(0, colon));
        return writer != null && MessageDigest.isEqual(
                HexFormat.of().parseHex(writer.passwordSha256().toLowerCase()),
                sha256(decoded.substring(colon + 1)));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
