package it.rivendo.bulk;

import java.time.Instant;

/** A file the reseller uploaded, for the list of recent ones. */
public record BulkUploadSummary(long id, String fileName, Instant createdAt, boolean confirmed, int rows,
		long problemCount) {
}
