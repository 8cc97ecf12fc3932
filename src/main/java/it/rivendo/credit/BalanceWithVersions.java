package it.rivendo.credit;

import it.rivendo.identity.ShopUser;
import it.rivendo.shared.Versions;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A signed-in reseller's credit, shown in the frame of every page, read in the versions'
 * statement of a page view (issue 22): {@link CreditLedger#balanceOf} takes it from there
 * in that page view instead of asking the database again.
 */
@Component
class BalanceWithVersions implements Versions.Alongside {

	static String name(long resellerId) {
		return "credit.balance " + resellerId;
	}

	@Override
	public Optional<Versions.Column> column() {
		return ShopUser.signedInReseller()
			.map(user -> new Versions.Column(name(user.resellerId()),
					"(select balance from credit_account where reseller_id = :value)", user.resellerId()));
	}

}
