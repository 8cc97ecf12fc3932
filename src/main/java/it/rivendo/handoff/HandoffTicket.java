package it.rivendo.handoff;

import java.time.Instant;

/**
 * What the computer shows after "Apri su altro dispositivo": the link inside the QR code,
 * a short link and a code to type by hand, and when they stop working. Shown once: only
 * hashes are stored.
 */
public record HandoffTicket(String url, String shortUrl, String code, Instant expiresAt,
		String targetPath) implements java.io.Serializable {
}
