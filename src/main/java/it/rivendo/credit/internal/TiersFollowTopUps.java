package it.rivendo.credit.internal;

import it.rivendo.catalog.TierRules;
import it.rivendo.credit.TopUpRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A recorded top-up may earn the reseller a higher tier: recomputed in the top-up's own
 * transaction.
 */
@Component
class TiersFollowTopUps {

	private final TierRules tiers;

	TiersFollowTopUps(TierRules tiers) {
		this.tiers = tiers;
	}

	@EventListener
	void on(TopUpRecorded topUp) {
		tiers.recompute(topUp.resellerId());
	}

}
