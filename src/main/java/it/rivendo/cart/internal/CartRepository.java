package it.rivendo.cart.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface CartRepository extends JpaRepository<Cart, Long> {

	@Query("select c from Cart c left join fetch c.lines where c.resellerId = :resellerId")
	Optional<Cart> findByResellerId(long resellerId);

	/**
	 * Takes the cart's row lock: two payments of the same cart queue up behind each
	 * other.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Cart c where c.resellerId = :resellerId")
	Optional<Cart> lockByResellerId(long resellerId);

	/** Creates the reseller's cart unless another request just did. */
	@Modifying
	@Query(value = "insert into cart (reseller_id, updated_at) values (:resellerId, now()) on conflict (reseller_id) do nothing",
			nativeQuery = true)
	void createIfMissing(long resellerId);

	@Query(value = """
			select coalesce(sum(l.quantity), 0) from cart_line l join cart c on c.id = l.cart_id
			where c.reseller_id = :resellerId""", nativeQuery = true)
	int countItems(long resellerId);

}
