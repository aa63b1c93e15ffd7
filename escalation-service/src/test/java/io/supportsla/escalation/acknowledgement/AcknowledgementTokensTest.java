package io.supportsla.escalation.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AcknowledgementTokensTest {

    private static final String SECRET = "unit-test-secret-that-is-long-enough-32";
    private static final Instant NOW = Instant.parse("2025-03-11T10:00:00Z");
    private static final AcknowledgementToken TOKEN =
            new AcknowledgementToken("C-0000-0042-E1", "london-contact", NOW.plus(Duration.ofDays(1)));

    private final AcknowledgementTokens tokens = new AcknowledgementTokens(SECRET);

    @Test
    void aTokenWeSignedIsValidUntilItExpires() {
        String signed = tokens.sign(TOKEN);

        assertThat(signed).startsWith("v1.").matches("v1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.\\d+\\.[A-Za-z0-9_-]{43}");
        assertThat(tokens.check(signed, NOW)).isEqualTo(new TokenCheck.Valid(TOKEN));
        assertThat(tokens.check(signed, TOKEN.expiresAt().minusSeconds(1))).isInstanceOf(TokenCheck.Valid.class);
    }

    @Test
    void anExpiredTokenIsRecognisedAsOursButExpired() {
        String signed = tokens.sign(TOKEN);

        assertThat(tokens.check(signed, TOKEN.expiresAt())).isEqualTo(new TokenCheck.Expired(TOKEN));
        assertThat(tokens.check(signed, TOKEN.expiresAt().plus(Duration.ofDays(3)))).isInstanceOf(TokenCheck.Expired.class);
    }

    @Test
    void changingAnyPartBreaksTheSignature() {
        String[] parts = tokens.sign(TOKEN).split("\\.");

        String otherEscalation = String.join(".", parts[0], b64("C-0000-0042-E2"), parts[2], parts[3], parts[4]);
        String otherRecipient = String.join(".", parts[0], parts[1], b64("director"), parts[3], parts[4]);
        String laterExpiry = String.join(".", parts[0], parts[1], parts[2], Long.toString(Long.parseLong(parts[3]) + 86_400), parts[4]);
        String otherSignature = String.join(".", parts[0], parts[1], parts[2], parts[3],
                (parts[4].charAt(0) == 'A' ? "B" : "A") + parts[4].substring(1));

        for (String tampered : new String[] {otherEscalation, otherRecipient, laterExpiry, otherSignature}) {
            assertThat(tokens.check(tampered, NOW)).as(tampered)
                    .isEqualTo(new TokenCheck.Invalid("the signature does not match"));
        }
    }

    @Test
    void aTokenSignedWithAnotherSecretIsInvalid() {
        String foreign = new AcknowledgementTokens("another-secret-that-is-also-32-bytes-long").sign(TOKEN);

        assertThat(tokens.check(foreign, NOW)).isInstanceOf(TokenCheck.Invalid.class);
    }

    @Test
    void malformedTokensAreInvalid() {
        assertThat(tokens.check(null, NOW)).isInstanceOf(TokenCheck.Invalid.class);
        assertThat(tokens.check("", NOW)).isInstanceOf(TokenCheck.Invalid.class);
        assertThat(tokens.check("v2.a.b.1.c", NOW)).isInstanceOf(TokenCheck.Invalid.class);
        assertThat(tokens.check("v1.a.b.not-a-number.c", NOW)).isEqualTo(new TokenCheck.Invalid("malformed token"));
        assertThat(tokens.check("v1.!!.b.1.c", NOW)).isEqualTo(new TokenCheck.Invalid("malformed token"));
        assertThat(tokens.check(tokens.sign(TOKEN) + ".extra", NOW)).isInstanceOf(TokenCheck.Invalid.class);
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new AcknowledgementTokens("too-short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void theLinkCarriesTheTokenForTheRecipientValidForTheConfiguredTime() {
        AcknowledgementLinks links = new AcknowledgementLinks(URI.create("https://escalations.example.org/"), tokens,
                Duration.ofHours(12));

        String link = links.linkFor("C-0000-0042-E1", "london-contact", NOW);

        assertThat(link).startsWith("https://escalations.example.org/api/v1/escalations/C-0000-0042-E1/acknowledgement?token=");
        String token = URLDecoder.decode(link.substring(link.indexOf("token=") + 6), StandardCharsets.UTF_8);
        assertThat(tokens.check(token, NOW)).isEqualTo(new TokenCheck.Valid(
                new AcknowledgementToken("C-0000-0042-E1", "london-contact", NOW.plus(Duration.ofHours(12)))));
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
