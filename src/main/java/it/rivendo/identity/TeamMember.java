package it.rivendo.identity;

import it.rivendo.shared.Money;
import java.time.Instant;

/**
 * A user of a reseller's team as the Titolare's page shows it.
 *
 * @param monthlyLimit an Operatore's monthly spending limit, or null for none
 * @param seesAllServices whether it sees the whole team's services (false: only its own)
 * @param lastLoginAt its last sign-in, or null if it never signed in (an invitation not
 * yet taken up)
 */
public record TeamMember(long id, String email, String displayName, TeamRole role, TeamStatus status,
		Money monthlyLimit, boolean seesAllServices, Instant lastLoginAt) {

	public boolean active() {
		return status == TeamStatus.ACTIVE;
	}

}
