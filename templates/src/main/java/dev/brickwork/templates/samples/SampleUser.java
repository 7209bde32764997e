package dev.brickwork.templates.samples;

import java.util.List;

/**
 * A person of the sample company, created as a user before any record.
 *
 * @param handle     how records name the user ({@link SampleRefs#user})
 * @param department the department's path from the root, {@code 总部/销售部/华东}
 * @param roles      role keys of the starter's roles
 * @param manages    whether this user manages {@code department}
 */
public record SampleUser(String handle, String username, String displayName, String department, List<String> roles,
                         boolean manages) {

    public SampleUser {
        roles = List.copyOf(roles);
    }
}
