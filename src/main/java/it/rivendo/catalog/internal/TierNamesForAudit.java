package it.rivendo.catalog.internal;

import it.rivendo.audit.AuditNames;
import it.rivendo.shared.LocalizedText;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The audit page names the discount tiers in words: "Fascia Oro". */
@Component
class TierNamesForAudit implements AuditNames {

	private final DiscountTierRepository tiers;

	TierNamesForAudit(DiscountTierRepository tiers) {
		this.tiers = tiers;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, LocalizedText> tiers() {
		Map<String, LocalizedText> names = new HashMap<>();
		for (DiscountTier tier : tiers.findAllByOrderBySortOrderAscPercentAsc()) {
			names.put(tier.code(), tier.name());
			names.put(String.valueOf(tier.id()), tier.name());
		}
		return names;
	}

}
