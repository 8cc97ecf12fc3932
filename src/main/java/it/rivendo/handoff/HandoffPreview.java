package it.rivendo.handoff;

/**
 * Whom a handoff would sign the other device in as, and where it would take it: what that
 * device shows before the person taps "Continua", so that nobody ends up working inside
 * someone else's account unawares.
 */
public record HandoffPreview(String email, String displayName, String companyName, String targetPath) {
}
