-- The inbox's "done" and "started by me" tabs read a person's decisions and submissions from the timeline.
CREATE INDEX record_changes_inbox ON record_changes (actor, at DESC) WHERE action IN ('flow.step', 'submit');
