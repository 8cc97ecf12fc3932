package it.rivendo.audit;

import it.rivendo.shared.LocalizedText;
import java.util.Map;

/**
 * Names of what the trail refers to by code, so that the audit page says them in words
 * ("Fascia Oro", not "Fascia GOLD"). The module that owns the things implements it; the
 * page shows the code when no module knows it.
 */
public interface AuditNames {

	/** The discount tiers' names, by code ({@code GOLD}) and by id ({@code 3}). */
	Map<String, LocalizedText> tiers();

}
