package io.supportsla.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;

class BearerApiKeyConverterTest {

    private final BearerApiKeyConverter converter = new BearerApiKeyConverter();

    @Test
    void readsTheBearerToken() {
        ApiKeyAuthentication authentication = converter.convert(request("Bearer abc123"));

        assertThat(authentication.getCredentials()).isEqualTo("abc123");
        assertThat(authentication.isAuthenticated()).isFalse();
    }

    @Test
    void acceptsTheSchemeInAnyCase() {
        assertThat(converter.convert(request("bearer abc123")).getCredentials()).isEqualTo("abc123");
    }

    @Test
    void noHeaderMeansNoCredentials() {
        assertThat(converter.convert(new MockHttpServletRequest())).isNull();
    }

    @Test
    void refusesAnotherScheme() {
        assertThatThrownBy(() -> converter.convert(request("Basic YWxhZGRpbjpvcGVuc2VzYW1l")))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessageContaining("Authorization: Bearer <key>");
    }

    @Test
    void refusesAnEmptyToken() {
        assertThatThrownBy(() -> converter.convert(request("Bearer   ")))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessageContaining("empty");
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", authorization);
        return request;
    }
}
