package dev.brickwork.runtime.crypto;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCipherTest {

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void encryptsSoThatOnlyTheKeyReadsItBack() {
        FieldCipher cipher = new FieldCipher(key(), List.of());

        byte[] first = cipher.encrypt("6222 0200 1234 5678");
        byte[] second = cipher.encrypt("6222 0200 1234 5678");

        assertThat(first).isNotEqualTo(second);
        assertThat(new String(first, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("6222");
        assertThat(cipher.decrypt(first)).isEqualTo("6222 0200 1234 5678");
        assertThatThrownBy(() -> new FieldCipher(key(), List.of()).decrypt(first)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesATamperedValue() {
        FieldCipher cipher = new FieldCipher(key(), List.of());
        byte[] stored = cipher.encrypt("secret");
        stored[stored.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(stored)).hasMessageContaining("integrity");
    }

    @Test
    void equalValuesHashAlikeAndDifferentKeysHashApart() {
        byte[] key = key();
        FieldCipher cipher = new FieldCipher(key, List.of());

        assertThat(cipher.equalityHash("a")).isEqualTo(new FieldCipher(key, List.of()).equalityHash("a"));
        assertThat(cipher.equalityHash("a")).isNotEqualTo(cipher.equalityHash("b"));
        assertThat(cipher.equalityHash("a")).isNotEqualTo(new FieldCipher(key(), List.of()).equalityHash("a"));
    }

    @Test
    void aRotatedCipherReadsOldValuesAndKnowsTheyAreNotCurrent() {
        byte[] old = key();
        byte[] stored = new FieldCipher(old, List.of()).encrypt("kept through rotation");
        FieldCipher rotated = new FieldCipher(key(), List.of(old));

        assertThat(rotated.isCurrent(stored)).isFalse();
        assertThat(rotated.decrypt(stored)).isEqualTo("kept through rotation");
        assertThat(rotated.isCurrent(rotated.encrypt("x"))).isTrue();
    }

    @Test
    void keysMustBe32BytesOfBase64() {
        assertThat(FieldCipher.decodeKey(Base64.getEncoder().encodeToString(key()))).hasSize(32);
        assertThatThrownBy(() -> FieldCipher.decodeKey("c2hvcnQ=")).hasMessageContaining("32");
        assertThatThrownBy(() -> FieldCipher.decodeKey("not base64 !")).isInstanceOf(IllegalArgumentException.class);
    }
}
