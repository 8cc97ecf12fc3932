package it.rivendo.bulk.internal;

import it.rivendo.shared.Refusal;
import it.rivendo.shared.SecretTokens;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A file a reseller uploaded, kept as parsed rows until it is confirmed (then with what
 * each row became) or expires. Confirmed once: the token of the preview it was confirmed
 * from makes a second confirmation find the first one's orders.
 */
@Entity
@Table(name = "bulk_upload")
public class BulkUpload {

	public enum Status {

		PREVIEW, CONFIRMED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long resellerId;

	/** The user of the team who uploaded it; null for uploads made before issue 17. */
	private Long uploadedByUserId;

	private String fileName;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String confirmToken;

	private Instant createdAt;

	private Instant confirmedAt;

	private String confirmedBy;

	/** Sent for a Titolare's approval: kept unconfirmed until then (issue 17). */
	private Instant heldUntil;

	@ElementCollection
	@CollectionTable(name = "bulk_row", joinColumns = @JoinColumn(name = "upload_id"))
	@OrderColumn(name = "row_index")
	private List<BulkRow> rows = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "bulk_result", joinColumns = @JoinColumn(name = "upload_id"))
	@OrderColumn(name = "row_index")
	private List<BulkResult> results = new ArrayList<>();

	protected BulkUpload() {
	}

	public BulkUpload(long resellerId, Long uploadedByUserId, String fileName, List<BulkRow> rows, Instant now) {
		this.resellerId = resellerId;
		this.uploadedByUserId = uploadedByUserId;
		this.fileName = fileName;
		this.rows.addAll(rows);
		this.status = Status.PREVIEW;
		this.confirmToken = SecretTokens.random(32);
		this.createdAt = now;
	}

	/**
	 * Records what each row became.
	 * @throws Refusal when it was confirmed already or a row has a problem
	 */
	public void confirm(List<BulkResult> outcome, String actor, Instant now) {
		if (status != Status.PREVIEW) {
			throw new Refusal("bulk.confirm.already");
		}
		if (problemCount() > 0) {
			throw new Refusal("bulk.confirm.problems", problemCount());
		}
		if (outcome.size() != rows.size()) {
			throw new IllegalArgumentException("One result per row");
		}
		this.results.addAll(outcome);
		this.status = Status.CONFIRMED;
		this.confirmedAt = now;
		this.confirmedBy = actor;
	}

	/**
	 * Sent for approval: not deleted with the unconfirmed previews while its request
	 * waits.
	 */
	public void holdUntil(Instant until) {
		if (heldUntil == null || heldUntil.isBefore(until)) {
			this.heldUntil = until;
		}
	}

	public long problemCount() {
		return rows.stream().filter(row -> !row.valid()).count();
	}

	public Long id() {
		return id;
	}

	public long resellerId() {
		return resellerId;
	}

	public Long uploadedByUserId() {
		return uploadedByUserId;
	}

	public String fileName() {
		return fileName;
	}

	public Status status() {
		return status;
	}

	public boolean confirmed() {
		return status == Status.CONFIRMED;
	}

	public String confirmToken() {
		return confirmToken;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant confirmedAt() {
		return confirmedAt;
	}

	public List<BulkRow> rows() {
		return List.copyOf(rows);
	}

	public List<BulkResult> results() {
		return List.copyOf(results);
	}

}
