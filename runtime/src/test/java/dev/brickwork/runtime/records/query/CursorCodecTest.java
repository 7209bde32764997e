package dev.brickwork.runtime.records.query;

import dev.brickwork.platform.http.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static dev.brickwork.runtime.records.query.Planning.CURSORS;
import static dev.brickwork.runtime.records.query.Planning.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorCodecTest {

    private static final String ID = "0192f6c8-1234-7abc-8def-0123456789ab";
    private static final String FILTER = "{\"field\": \"stage\", \"op\": \"eq\", \"value\": \"signed\"}";

    @Test
    void roundTripsACursorWithNulls() {
        Cursor cursor = new Cursor("deal", "h", Arrays.asList("x", null, "12.50"), ID);

        assertThat(CURSORS.decode(CURSORS.encode(cursor))).contains(cursor);
    }

    @Test
    void refusesShortKeys() {
        assertThatThrownBy(() -> new CursorCodec(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesEveryFlippedByte() {
        String token = CURSORS.encode(new Cursor("deal", "h", List.of("x"), ID));

        for (int i = 0; i < token.length(); i++) {
            char[] chars = token.toCharArray();
            chars[i] = chars[i] == 'A' ? 'B' : 'A';
            String tampered = new String(chars);
            if (!tampered.equals(token)) {
                assertThat(CURSORS.decode(tampered)).as("flipped at %d", i).isEmpty();
            }
        }
    }

    @Test
    void refusesTruncatedCursors() {
        String token = CURSORS.encode(new Cursor("deal", "h", List.of("x"), ID));

        for (int length = 0; length < token.length(); length++) {
            assertThat(CURSORS.decode(token.substring(0, length))).isEmpty();
        }
    }

    @Test
    void refusesAChangedPayloadUnderTheOldSignature() {
        String token = CURSORS.encode(new Cursor("deal", "h", List.of("x"), ID));
        String signature = token.substring(token.indexOf('.'));
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"f\":\"deal\",\"h\":\"h\",\"v\":[\"y\"],\"id\":\"" + ID + "\"}").getBytes(StandardCharsets.UTF_8));

        assertThat(CURSORS.decode(payload + signature)).isEmpty();
    }

    @Test
    void refusesCursorsSignedWithAnotherKey() {
        CursorCodec other = new CursorCodec("another-secret-key-of-32-bytes!!!".getBytes(StandardCharsets.UTF_8));

        assertThat(CURSORS.decode(other.encode(new Cursor("deal", "h", List.of(), ID)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "a.", ".a", "a.b.c", "%%%.%%%", "eyJ9", "' OR 1=1 --"})
    void refusesGarbage(String token) {
        assertThat(CURSORS.decode(token)).isEmpty();
    }

    @Test
    void answersAForgedCursorWith400AndNeverEchoesIt() {
        String forged = "eyJmIjoiZGVhbCJ9.Zm9yZ2VkLXNpZ25hdHVyZQ";

        ProblemException e = Planning.refused(new ListRequest(null, null, null, null, forged, false, false));

        assertThat(e.type()).isEqualTo(QueryProblem.CURSOR_INVALID);
        assertThat(e.type().status()).isEqualTo(400);
        assertThat(errors(e)).containsExactly("/cursor CURSOR_INVALID");
        assertThat(e.toDetail().toString()).doesNotContain(forged).doesNotContain("Zm9yZ2Vk");
    }

    @Test
    void acceptsACursorOnlyForTheQueryThatMadeIt() {
        ListRequest first = new ListRequest(FILTER, "-amount", "acme", "10", null, false, false);
        ListPlan plan = Planning.plan(first);
        String token = CURSORS.encode(new Cursor("deal", plan.queryHash(), List.of("100.00"), ID));

        ListPlan next = Planning.plan(withCursor(first, token));
        assertThat(next.page().sql()).contains("AND (r.\"amount\", r.\"id\") < ($3, $4) ORDER BY");
        assertThat(next.page().params()).containsExactly("signed", "%acme%", new java.math.BigDecimal("100.00"), java.util.UUID.fromString(ID));
        Planning.plan(new ListRequest(FILTER, "-amount", "acme", "20", token, false, false));
        Planning.plan(new ListRequest(FILTER.replace(": ", ":"), "-amount", "  acme ", "20", token, true, false));

        assertCursorRefused(new ListRequest(FILTER.replace("signed", "draft"), "-amount", "acme", "10", token, false, false));
        assertCursorRefused(new ListRequest(null, "-amount", "acme", "10", token, false, false));
        assertCursorRefused(new ListRequest(FILTER, "amount", "acme", "10", token, false, false));
        assertCursorRefused(new ListRequest(FILTER, "-amount,title", "acme", "10", token, false, false));
        assertCursorRefused(new ListRequest(FILTER, "-amount", "acm", "10", token, false, false));
        assertCursorRefused(new ListRequest(FILTER, "-amount", "acme", "10", token, false, true));
        assertCursorRefused(Planning.COUNTER, new ListRequest(null, null, null, null, token, false, false));
    }

    @Test
    void refusesASignedCursorWhoseValuesDoNotFitTheSort() {
        ListRequest request = new ListRequest(null, "-amount", null, null, null, false, false);
        String hash = Planning.plan(request).queryHash();

        assertCursorRefused(withCursor(request, CURSORS.encode(new Cursor("deal", hash, List.of("not a number"), ID))));
        assertCursorRefused(withCursor(request, CURSORS.encode(new Cursor("deal", hash, List.of(), ID))));
        assertCursorRefused(withCursor(request, CURSORS.encode(new Cursor("deal", hash, List.of("1", "2"), ID))));
        assertCursorRefused(withCursor(request, CURSORS.encode(new Cursor("deal", hash, List.of("1"), "nope"))));
        assertCursorRefused(withCursor(request, CURSORS.encode(new Cursor("other", hash, List.of("1"), ID))));
    }

    @Test
    void continuesAscendingOverANullableKeyWithTheNullsStillToCome() {
        ListRequest ascending = new ListRequest(null, "amount", null, null, null, false, false);
        String token = CURSORS.encode(new Cursor("deal", Planning.plan(ascending).queryHash(), List.of("100.00"), ID));

        assertThat(Planning.plan(withCursor(ascending, token)).page().sql()).contains("AND ((r.\"amount\" > $1 OR r.\"amount\" IS NULL)"
                + " OR (r.\"amount\" = $1 AND r.\"id\" > $2)) ORDER BY");
    }

    @Test
    void continuesAfterNullSortValues() {
        ListRequest ascending = new ListRequest(null, "title", null, null, null, false, false);
        String token = CURSORS.encode(new Cursor("deal", Planning.plan(ascending).queryHash(), Arrays.asList((String) null), ID));
        assertThat(Planning.plan(withCursor(ascending, token)).page().sql())
                .contains("AND ((r.\"title\" IS NULL AND r.\"id\" > $1)) ORDER BY");

        ListRequest descending = new ListRequest(null, "-title", null, null, null, false, false);
        token = CURSORS.encode(new Cursor("deal", Planning.plan(descending).queryHash(), Arrays.asList((String) null), ID));
        assertThat(Planning.plan(withCursor(descending, token)).page().sql())
                .contains("AND (r.\"title\" IS NOT NULL OR (r.\"title\" IS NULL AND r.\"id\" < $1)) ORDER BY");
    }

    private static ListRequest withCursor(ListRequest request, String cursor) {
        return new ListRequest(request.filter(), request.sort(), request.q(), request.limit(), cursor, request.count(), request.deleted());
    }

    private static void assertCursorRefused(ListRequest request) {
        assertCursorRefused(Planning.DEAL, request);
    }

    private static void assertCursorRefused(dev.brickwork.runtime.records.sql.FormTable table, ListRequest request) {
        ProblemException e = Planning.refused(table, request);
        assertThat(e.type()).isEqualTo(QueryProblem.CURSOR_INVALID);
        assertThat(errors(e)).containsExactly("/cursor CURSOR_INVALID");
    }
}
