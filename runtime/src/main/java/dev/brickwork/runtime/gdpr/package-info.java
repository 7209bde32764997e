/**
 * GDPR helpers for administrators: export everything stored about a data subject (a record, typically a contact)
 * together with the records that reference it, and erase (anonymise) that record. Both are audited.
 *
 * <p>Choices worth knowing, because they are not obvious from the code:
 * <ul>
 *   <li><b>Who:</b> admins only. The export shows sensitive fields decrypted: it is the data subject's copy.</li>
 *   <li><b>Related records</b> are the live and recycle-bin records of every published form of the app with a
 *       reference field (top level, or in a subtable: then the parent record is reported) pointing at the subject.
 *       They belong to the business: erase counts them and leaves them alone.</li>
 *   <li><b>What erase clears</b> ({@link dev.brickwork.runtime.gdpr.Anonymisation}): text-like fields (text, textarea,
 *       email, phone, url) become NULL, except required text and textarea, which get {@code "[erased]"} (with the row id
 *       appended where a unique index or a blocking duplicate rule would make two erased records collide); every
 *       sensitive field becomes NULL with its equality hash; text formulas become NULL (they would otherwise keep a
 *       copy of the erased text; they are computed again on the next write); the row's set-aside columns of removed
 *       fields become NULL (nothing serves them, and they may hold the old values). Numbers, money, dates, booleans,
 *       selects, references, users, attachments, roll-ups and auto-numbers are left as they are unless sensitive:
 *       they describe the business relationship more than the person. The subject's subtable rows get the same
 *       treatment.</li>
 *   <li><b>Timeline:</b> the record's entries in {@code brickwork.record_changes} are kept (the history of who
 *       changed the record when stays), but every value in their diffs is replaced by {@code "[erased]"}: old values
 *       of any field, including fields since removed from the form, may be personal. Sensitive values were sealed
 *       there to begin with (decision 0015).</li>
 *   <li><b>Audit log:</b> the subject's earlier record entries are kept (who, what, when), their {@code changes}
 *       redacted the same way; it is the one change the append-only log allows besides tallies and the retention
 *       purge (decision 0015).</li>
 *   <li><b>Idempotent:</b> erasing an erased record succeeds with nothing left to clear; then the version is not
 *       bumped and no timeline entry is written, but the request is still audited. A form with no published version
 *       is 404, as in the records API; there is no 409.</li>
 * </ul>
 */
package dev.brickwork.runtime.gdpr;
