package dev.brickwork.platform;

import java.security.SecureRandom;
import java.util.UUID;

/** Record and metadata ids: UUIDv7 (RFC 9562), time-ordered so that b-tree inserts stay local and keysets sort by age. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID newId() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
