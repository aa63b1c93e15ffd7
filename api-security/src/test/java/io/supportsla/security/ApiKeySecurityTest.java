package io.supportsla.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The filter chain as a service uses it: 401 and 403 as problem+json, the caller as principal. */
@SpringBootTest(properties = {
        "supportsla.security.realm=test-realm",
        "supportsla.security.api-keys.acme-helpdesk.key-sha256=" + ApiKeySecurityTest.HELPDESK_KEY_SHA256,
        "supportsla.security.api-keys.acme-helpdesk.organisation=acme",
        "supportsla.security.api-keys.acme-helpdesk.role=HELPDESK",
        "supportsla.security.api-keys.jane.key-sha256=" + ApiKeySecurityTest.CONSULTANT_KEY_SHA256,
        "supportsla.security.api-keys.jane.organisation=supportsla",
        "supportsla.security.api-keys.jane.role=CONSULTANT"})
@AutoConfigureMockMvc
class ApiKeySecurityTest {

    static final String HELPDESK_KEY = "helpdesk-key";
    // printf %s helpdesk-key | sha256sum
    static final String HELPDESK_KEY_SHA256 = "fd53b5861267a8dca71456d57e0dc6c85965101a0f3f237e70f36c00660d4c5d";
    static final String CONSULTANT_KEY = "consultant-key";
    // printf %s consultant-key | sha256sum
    static final String CONSULTANT_KEY_SHA256 = "c8cbc061359e35b337abf5a39421454103512fbe7850c2b7449a9633706c15a4";

    @Autowired
    MockMvc mvc;

    @Test
    void withoutAKeyAnswers401AsProblemJsonWithABearerChallenge() throws Exception {
        mvc.perform(get("/api/whoami"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"test-realm\""))
                .andExpect(jsonPath("$.type").value("https://supportsla.io/problems/unauthenticated"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.instance").value("/api/whoami"))
                .andExpect(jsonPath("$.detail").value("This action needs an API key: send 'Authorization: Bearer <key>'"));
    }

    @Test
    void aWrongKeyAnswers401WithInvalidToken() throws Exception {
        mvc.perform(get("/api/whoami").header("Authorization", "Bearer not-a-key"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"test-realm\", error=\"invalid_token\""))
                .andExpect(jsonPath("$.detail").value("The API key is not valid"));
    }

    @Test
    void anotherSchemeAnswers401() throws Exception {
        mvc.perform(get("/api/whoami").header("Authorization", "Basic YWxhZGRpbjpvcGVuc2VzYW1l"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("Send the API key as 'Authorization: Bearer <key>'"));
    }

    @Test
    void aValidKeyReachesTheControllerAsItsCaller() throws Exception {
        mvc.perform(get("/api/whoami").header("Authorization", "Bearer " + HELPDESK_KEY))
                .andExpect(status().isOk())
                .andExpect(content().string("acme-helpdesk (HELPDESK of acme)"));
    }

    @Test
    void aRoleThatMayNotActAnswers403AsProblemJson() throws Exception {
        mvc.perform(get("/api/consultants-only").header("Authorization", "Bearer " + HELPDESK_KEY))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://supportsla.io/problems/forbidden"))
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(get("/api/consultants-only").header("Authorization", "Bearer " + CONSULTANT_KEY))
                .andExpect(status().isOk());
    }

    @Test
    void publicPathsNeedNoKeyAndIgnoreAStrayHeader() throws Exception {
        mvc.perform(get("/public/ping").header("Authorization", "Bearer not-a-key"))
                .andExpect(status().isOk())
                .andExpect(content().string("pong"));
    }

    @SpringBootApplication
    static class TestApplication {

        @Bean
        SecurityFilterChain testChain(HttpSecurity http) throws Exception {
            return http.with(ApiKeyAuthenticationConfigurer.apiKeys("/api/**"), Customizer.withDefaults())
                    .authorizeHttpRequests(requests -> requests
                            .requestMatchers("/api/consultants-only").hasRole(Role.CONSULTANT.name())
                            .requestMatchers("/api/**").authenticated()
                            .anyRequest().permitAll())
                    .build();
        }

        @RestController
        static class Endpoints {

            @GetMapping("/api/whoami")
            String whoami(@AuthenticationPrincipal Caller caller) {
                return caller.toString();
            }

            @GetMapping("/api/consultants-only")
            String consultantsOnly() {
                return "ok";
            }

            @GetMapping("/public/ping")
            String ping() {
                return "pong";
            }
        }
    }
}
