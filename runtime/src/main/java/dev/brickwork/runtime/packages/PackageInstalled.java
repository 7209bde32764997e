package dev.brickwork.runtime.packages;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;

/**
 * Fired (CDI, synchronously, after the install committed) when a package was installed or upgraded. The sample
 * loader listens for it: a package's {@code seed} loads only into an app the install created.
 *
 * @param appKey  the installed app
 * @param created the install created the app (first install), rather than upgrading it
 * @param seed    the package's {@code seed} object, or null when it has none
 * @param by      who installed it
 * @param byName  their username
 */
public record PackageInstalled(String appKey, boolean created, JsonNode seed, UUID by, String byName) {
}
