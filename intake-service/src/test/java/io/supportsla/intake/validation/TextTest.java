package io.supportsla.intake.validation;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Text the API takes: any language and emoji, never unpaired surrogates, controls or bidi overrides. */
class TextTest {

    @Property(tries = 300)
    void wellFormedTextInAnyScriptIsAccepted(@ForAll("wellFormed") String text) {
        assertThat(Text.forbiddenCharacter(text)).isNull();
    }

    @Property(tries = 300)
    void oneForbiddenCharacterAnywhereIsNamed(@ForAll("wellFormed") String before, @ForAll("forbidden") char bad,
            @ForAll("wellFormed") String after) {
        assertThat(Text.forbiddenCharacter(before + bad + after)).isNotNull().contains(String.format("U+%04X", (int) bad));
    }

    @Provide
    Arbitrary<String> wellFormed() {
        Arbitrary<String> letters = Arbitraries.strings().withCharRange('a', 'z').withCharRange('\u0600', '\u06FF')
                .withCharRange('\u4E00', '\u4E2F').withChars(' ', '\t', '\n', '\r', '\'', '"', '<', '>', ';', '\u200E', '\u200F')
                .ofMaxLength(20);
        Arbitrary<String> emoji = Arbitraries.of("\uD83D\uDE00", "\uD83D\uDD25", "\uD83C\uDDEC\uD83C\uDDE7");
        return Arbitraries.oneOf(letters, emoji, letters.flatMap(text -> emoji.map(face -> text + face)));
    }

    @Provide
    Arbitrary<Character> forbidden() {
        return Arbitraries.oneOf(
                Arbitraries.chars().range('\u0000', '\u0008'),
                Arbitraries.chars().range('\u000E', '\u001F'),
                Arbitraries.chars().range('\u007F', '\u009F'),
                Arbitraries.chars().range('\u202A', '\u202E'),
                Arbitraries.chars().range('\u2066', '\u2069'),
                Arbitraries.chars().range('\uD800', '\uDFFF'));
    }
}
