package dev.brickwork.runtime.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The records API (docs/spec.md §4): a record, a page of them, its timeline, what duplicate rules match. */
public final class RecordApi {

    private RecordApi() {
    }

    @Schema(description = "A record: the system fields, the form's fields, and meta in the answer to a write")
    public record RecordView(UUID id, int version, Instant createdAt, Instant updatedAt, UUID createdBy, UUID owner,
                             @Schema(enumeration = {"none", "pending", "approved", "rejected", "withdrawn"}) String approval,
                             @Schema(description = "Only for a record in the recycle bin") Instant deletedAt,
                             @Schema(description = "Field key to value as the published form defines it: money and decimals"
                                     + " as strings, dates ISO-8601, subtables as arrays of rows with their own id; fields"
                                     + " the caller may not see are absent") Map<String, Object> fields,
                             @Schema(description = "Only in the answer to a create or an update") RecordMeta meta) {
    }

    /** @param duplicates what duplicate rules with {@code warn} matched (blocking ones refuse the write) */
    /** @param can on a record read by id: the actions on it the caller's roles allow (row scopes included) */
    public record RecordMeta(List<DuplicateWarning> duplicates,
                             @Schema(description = "GET /{id} only: what the caller may do to this record")
                             RecordCan can) {
    }

    public record RecordCan(boolean update, boolean delete) {
    }

    /** @param form the form the records are of: this one, or one the rule's {@code also} names */
    public record DuplicateWarning(String rule, String form, List<UUID> records) {
    }

    public record RecordPage(List<RecordView> items, @Schema(description = "Null on the last page") String nextCursor,
                             @Schema(description = "Only with count=true: exact up to brickwork.lists.exact-count-limit"
                                     + " (10,000) matches, past it the database's estimate (totalEstimated)") Long total,
                             @Schema(description = "Only with count=true: true when total is an estimate (show it as"
                                     + " \"about\"); it is never below the exact-count limit + 1") Boolean totalEstimated) {
    }

    /** The body of {@code POST …/records/query}: the list's query parameters, {@code filter} as an object. */
    public record RecordQuery(Map<String, Object> filter, String sort, String q, Integer limit, String cursor, Boolean count,
                              Boolean deleted) {
    }

    /** The body of a create, an update (only the fields it changes) or a duplicates check. */
    public record RecordWrite(Map<String, Object> fields) {
    }

    public record TimelinePage(List<TimelineEntry> items) {
    }

    /**
     * @param action  {@code create}, {@code update}, {@code delete}, {@code restore}, {@code flow.step},
     *                {@code flow.approved}, …
     * @param changes field key to its value before and after
     * @param detail  for flow entries: the flow, its version, the node, the task, the event and the comment
     */
    public record TimelineEntry(UUID id, int version, String action, UUID by, Instant at, Map<String, Change> changes,
                                Map<String, Object> detail) {
    }

    public record Change(Object from, Object to) {
    }

    /**
     * A form being filled in, as a save would see it (decision 0030).
     *
     * @param fields   the visible formulas' and lookups' values now
     * @param rows     per sub-table, each row's formulas, in row order
     * @param hidden   fields {@code visibleWhen} hides now
     * @param readOnly fields {@code readOnlyWhen} locks now
     * @param errors   what a save of these values would refuse, located
     */
    public record RecordPreviewView(Map<String, Object> fields, Map<String, List<Map<String, Object>>> rows,
                                    List<String> hidden, List<String> readOnly, List<PreviewProblem> errors) {
    }

    public record PreviewProblem(String pointer, String code, String message) {
    }

    public record DuplicateMatches(List<DuplicateMatch> items) {
    }

    /** @param form the form the records are of: this one, or one the rule's {@code also} names */
    public record DuplicateMatch(String rule, String form, @Schema(enumeration = {"block", "warn"}) String action,
                                 List<UUID> records) {
    }

    /**
     * The body of {@code POST …/records/bulk}: one change to the records {@code ids} names, or to every record
     * {@code matching} finds (at most 5000 either way).
     */
    public record BulkChange(@Schema(enumeration = {"update", "handOver", "delete"}) String action, List<UUID> ids,
                             @Schema(description = "{\"filter\": {...}, \"q\": \"...\"} as the list takes them") Map<String, Object> matching,
                             @Schema(description = "update: the fields to set on every record") Map<String, Object> fields,
                             @Schema(description = "handOver: the new owner's user id") UUID owner) {
    }

    public record BulkResult(@Schema(description = "How many records were named or matched") int matched,
                             List<UUID> done, List<BulkRefusal> refused) {
    }

    /** A record the change did not apply to, with the problem the single-record call would have answered. */
    public record BulkRefusal(UUID id, int status, String code, String detail, List<PreviewProblem> errors) {
    }

    /** The body of {@code POST …/records/groups}: what to group by and sum, over the records a list would give. */
    public record GroupQuery(@Schema(description = "A select field") String groupBy,
                             @Schema(description = "Up to 5 money or number fields") List<String> sum,
                             Map<String, Object> filter, String q) {
    }

    public record GroupCounts(List<GroupCount> groups) {
    }

    /** @param value the option's value, null for records without one; @param sums field key to its sum as a string */
    public record GroupCount(String value, long count, Map<String, String> sums) {
    }
}
