package dev.brickwork.runtime.records.query;

import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;

import java.util.ArrayList;
import java.util.List;

/** Every problem found in a list query, each with the area it belongs to; thrown once, at the end, all together. */
final class Complaints {

    private record Complaint(QueryProblem area, ProblemError error) {
    }

    private final List<Complaint> all = new ArrayList<>();

    void add(QueryProblem area, String pointer, String code, String message) {
        all.add(new Complaint(area, ProblemError.of(pointer, code, message)));
    }

    int size() {
        return all.size();
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    boolean any(QueryProblem area) {
        return all.stream().anyMatch(c -> c.area() == area);
    }

    /**
     * Throws if anything was found. A malformed request (400) outranks invalid content (422); one area at fault
     * names the problem, several make it {@link QueryProblem#QUERY_INVALID}.
     */
    void throwIfAny() {
        if (all.isEmpty()) {
            return;
        }
        List<ProblemError> errors = all.stream().map(Complaint::error).toList();
        QueryProblem type = all.stream().map(Complaint::area).filter(a -> a.status() == 400).findFirst()
                .orElseGet(() -> all.stream().map(Complaint::area).distinct().count() == 1
                        ? all.get(0).area() : QueryProblem.QUERY_INVALID);
        String detail = errors.size() == 1 ? errors.get(0).message() : errors.size() + " problems in the list query.";
        throw new ProblemException(type, detail, errors);
    }
}
