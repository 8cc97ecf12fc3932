package it.rivendo.handoff.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A code typed by hand that opened nothing, counted against the address it came from to
 * slow down guessing.
 */
@Entity
@Table(name = "handoff_failure")
public class WrongCode {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String ip;

	@Column(name = "at")
	private Instant typedAt;

	protected WrongCode() {
	}

	public WrongCode(String ip, Instant typedAt) {
		this.ip = ip;
		this.typedAt = typedAt;
	}

}
