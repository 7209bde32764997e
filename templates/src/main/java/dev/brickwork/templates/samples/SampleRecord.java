package dev.brickwork.templates.samples;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One write of sample data: the creation of a record, or a later change to one made earlier (a customer's primary
 * contact, known only once the contact exists; a contract that becomes active once its payment plans add up).
 *
 * @param handle the record's handle ({@code customer/17}); a change names the record it changes
 * @param owner  the owning user's handle, or null for the loading user
 * @param fields the values as an API client sends them, with {@link SampleRefs} markers where ids go
 */
public record SampleRecord(String form, String handle, boolean change, String owner, ObjectNode fields) {

    public static SampleRecord create(String form, String handle, String owner, ObjectNode fields) {
        return new SampleRecord(form, handle, false, owner, fields);
    }

    public static SampleRecord change(String form, String handle, ObjectNode fields) {
        return new SampleRecord(form, handle, true, null, fields);
    }
}
