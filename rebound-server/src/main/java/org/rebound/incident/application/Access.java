package org.rebound.incident.application;

/**
 * What a caller may do with one incident. Members read it; responders, forensics and DPO/legal
 * members also write to it; the lead, incident commanders and administrators among the members
 * manage it. An administrator who is not a member sees only that it exists and may change its
 * membership (so that an incident can never be orphaned), but not its content. An external
 * partner who is a member sees only what is shared with the community (TLP:CLEAR and TLP:GREEN).
 */
public enum Access {

    NONE,
    MEMBERSHIP_ONLY,
    SHARED,
    READ,
    WRITE,
    MANAGE;

    public boolean canRead() {
        return this == READ || this == WRITE || this == MANAGE;
    }

    public boolean canWrite() {
        return this == WRITE || this == MANAGE;
    }

    public boolean canManage() {
        return this == MANAGE;
    }

    public boolean canChangeMembers() {
        return this == MANAGE || this == MEMBERSHIP_ONLY;
    }

    public boolean canSeeShared() {
        return canRead() || this == SHARED;
    }
}
