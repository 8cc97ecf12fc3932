package it.rivendo.cart.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The carts, one per user of a reseller's team. */
public interface CartRepository extends JpaRepository<Cart, Long> {

	@Query("select c from Cart c left join fetch c.lines where c.userId = :userId")
	Optional<Cart> findByUserId(long userId);

	/**
	 * Takes the cart's row lock: two payments of the same cart queue up behind each
	 * other.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Cart c where c.userId = :userId")
	Optional<Cart> lockByUserId(long userId);

	/** Creates the user's cart unless another request just did. */
	@Modifying
	@Query(value = """
			insert into cart (reseller_id, user_id, updated_at) values (:resellerId, :userId, now())
			on conflict (user_id) do nothing""", nativeQuery = true)
	void createIfMissing(long resellerId, long userId);

	@Query(value = """
			select coalesce(sum(l.quantity), 0) from cart_line l join cart c on c.id = l.cart_id
			where c.user_id = :userId""", nativeQuery = true)
	int countItems(long userId);

}
