package it.rivendo.cart;

import it.rivendo.identity.ShopUser;
import it.rivendo.shared.Versions;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * How many units a signed-in reseller user's cart holds, shown in the frame of every
 * page, read in the versions' statement of a page view (issue 22):
 * {@link CartService#itemCount} takes it from there in that page view instead of asking
 * the database again.
 */
@Component
class CartCountWithVersions implements Versions.Alongside {

	static String name(long userId) {
		return "cart.count " + userId;
	}

	@Override
	public Optional<Versions.Column> column() {
		return ShopUser.signedInReseller().map(user -> new Versions.Column(name(user.userId()), """
				(select coalesce(sum(l.quantity), 0) from cart_line l join cart c on c.id = l.cart_id
				 where c.user_id = :value)""", user.userId()));
	}

}
