package dev.brickwork.platform.cluster;

/**
 * A change another node (or this one) announced through PostgreSQL {@code NOTIFY}: caches that depend on it drop
 * what they hold. Fired as a CDI event on the node that receives it.
 *
 * @param topic e.g. {@code forms} or {@code access}
 * @param key   what changed within the topic (an app key), or empty
 */
public record ClusterChange(String topic, String key) {
}
