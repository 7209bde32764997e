package dev.brickwork.runtime.crypto;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCiphersTest {

    @Test
    void refusesToStartWithoutAKeyWhenSensitiveFieldsArePublished() {
        assertThatThrownBy(() -> FieldCiphers.requireKey(true, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("BRICKWORK_ENCRYPTION_KEY");
    }

    @Test
    void startsWithoutAKeyWhenNothingIsSensitive() {
        assertThatCode(() -> FieldCiphers.requireKey(false, false)).doesNotThrowAnyException();
        assertThatCode(() -> FieldCiphers.requireKey(true, true)).doesNotThrowAnyException();
    }
}
