package it.rivendo.catalog.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** The tier a reseller is in, since when, and whether staff pinned it by hand. */
@Entity
@Table(name = "reseller_tier")
public class ResellerTier {

	@Id
	private Long resellerId;

	@ManyToOne(fetch = FetchType.EAGER, optional = false)
	@JoinColumn(name = "tier_id")
	private DiscountTier tier;

	private Instant since;

	private boolean pinned;

	private String reason;

	protected ResellerTier() {
	}

	public ResellerTier(long resellerId, DiscountTier tier, Instant since) {
		this.resellerId = resellerId;
		this.tier = tier;
		this.since = since;
	}

	public void moveTo(DiscountTier newTier, Instant when, boolean pinnedByStaff, String why) {
		this.tier = newTier;
		this.since = when;
		this.pinned = pinnedByStaff;
		this.reason = why;
	}

	public DiscountTier tier() {
		return tier;
	}

	public Instant since() {
		return since;
	}

}
