package dev.brickwork.bench;

import java.util.UUID;

/** Makes the four kinds of client workers, with what they share: the API, the database and the value sets. */
final class Workers {

    private final Api api;
    private final Database db;
    private final Deal[] deals;
    private final UUID adminId;
    private final int pagesPerWalk;

    Workers(Api api, Database db, Deal[] deals, UUID adminId, int pagesPerWalk) {
        this.api = api;
        this.db = db;
        this.deals = deals;
        this.adminId = adminId;
        this.pagesPerWalk = pagesPerWalk;
    }

    Worker apiCreate(int thread) {
        return new ApiCreate(api, deals, thread);
    }

    /** Keyset walks through the API as the admin. */
    Worker apiPages() {
        return apiPages(api.adminToken());
    }

    Worker apiPages(String bearer) {
        return new ApiPages(api, bearer, pagesPerWalk);
    }

    Worker rawInsert(int thread) throws Exception {
        return new RawInsert(db, deals, adminId, thread);
    }

    Worker rawPages() throws Exception {
        return new RawPages(db, pagesPerWalk);
    }
}
