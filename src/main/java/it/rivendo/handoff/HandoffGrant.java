package it.rivendo.handoff;

/** A handoff used by the other device: who to sign in there, and where to take them. */
public record HandoffGrant(String email, String targetPath) {
}
