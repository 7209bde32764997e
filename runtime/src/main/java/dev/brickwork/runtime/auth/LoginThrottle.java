package dev.brickwork.runtime.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Slows password guessing: too many failed logins for one user name, or from one client address, within a window
 * lock that name or address for a while, correct password or not. Kept in memory: a restart forgets the counters,
 * which costs an attacker a restart per window and spares every login a database write.
 */
@ApplicationScoped
public class LoginThrottle {

    @ConfigProperty(name = "brickwork.auth.max-failures-per-user", defaultValue = "5")
    int maxPerUser;

    @ConfigProperty(name = "brickwork.auth.max-failures-per-address", defaultValue = "20")
    int maxPerAddress;

    @ConfigProperty(name = "brickwork.auth.failure-window", defaultValue = "PT15M")
    Duration window;

    @ConfigProperty(name = "brickwork.auth.lockout", defaultValue = "PT15M")
    Duration lockout;

    // Two caches so that a flood of made-up user names cannot evict the counter of the address sending them.
    private Cache<String, Counter> users;
    private Cache<String, Counter> addresses;

    private record Counter(int failures, Instant windowStart, Instant lockedUntil) {

        Counter failedAt(Instant now, int max, Duration window, Duration lockout) {
            boolean fresh = windowStart.plus(window).isBefore(now);
            int count = (fresh ? 0 : failures) + 1;
            if (count >= max) {
                return new Counter(0, now, now.plus(lockout));
            }
            return new Counter(count, fresh ? now : windowStart, lockedUntil);
        }
    }

    @PostConstruct
    void init() {
        Duration keep = window.plus(lockout);
        users = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(keep).build();
        addresses = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(keep).build();
    }

    /** Whole seconds until this user name and address may try again; 0 when they may now. */
    public long retryAfterSeconds(String username, String address) {
        Instant now = Instant.now();
        Instant until = later(lockedUntil(users, userKey(username)), lockedUntil(addresses, address));
        if (until == null || !until.isAfter(now)) {
            return 0;
        }
        return Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
    }

    public void failed(String username, String address) {
        Instant now = Instant.now();
        users.asMap().compute(userKey(username), (key, counter) -> next(counter, now, maxPerUser));
        if (address != null) {
            addresses.asMap().compute(address, (key, counter) -> next(counter, now, maxPerAddress));
        }
    }

    /** A correct password clears the name's count; the address keeps its count, or one good account would reset it. */
    public void succeeded(String username) {
        users.invalidate(userKey(username));
    }

    private Counter next(Counter counter, Instant now, int max) {
        Counter current = counter == null ? new Counter(0, now, null) : counter;
        return current.failedAt(now, max, window, lockout);
    }

    private static Instant lockedUntil(Cache<String, Counter> cache, String key) {
        Counter counter = key == null ? null : cache.getIfPresent(key);
        return counter == null ? null : counter.lockedUntil();
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    // case-folded: "Admin" and "admin" are one target for a guesser, whatever the database thinks of them
    private static String userKey(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
